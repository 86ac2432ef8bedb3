package org.junheng.rectification.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.junheng.contracts.Nullable;

/**
 * A row of the task read model as the board reads it, through Hibernate Reactive. Read only: {@link TaskProjection}
 * writes the table with SQL in the transaction of the events it follows.
 */
@Entity
@Immutable
@Table(name = "tasks")
public class Task {

    @Id
    @Column(name = "task_id")
    public UUID id;

    @Column(name = "district_code")
    public String district;

    @Column(name = "finding_id")
    public UUID findingId;

    public int period;

    @Column(name = "school_code")
    public @Nullable String schoolCode;

    @Column(name = "school_name")
    public @Nullable String schoolName;

    public @Nullable String section;

    public String indicator;

    public String severity;

    public String title;

    public String gap;

    @Column(name = "lead_code")
    public String leadCode;

    @Column(name = "lead_name")
    public String leadName;

    /** The co-responsible units (配合单位). */
    @Column(name = "co_codes")
    public String[] coCodes;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String status;

    public @Nullable String responsible;

    public int rounds;

    public int rejections;

    @Column(name = "percent_complete")
    public int percentComplete;

    @Column(name = "evidence_count")
    public int evidence;

    public boolean overdue;

    public @Nullable String escalation;

    public @Nullable String verification;

    public @Nullable String closure;

    public long version;

    public String kind;

    public @Nullable String measures;
}
