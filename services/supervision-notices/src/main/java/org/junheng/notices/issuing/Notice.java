package org.junheng.notices.issuing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.junheng.contracts.Nullable;

/**
 * A row of the notice read model as lists and streams read it, through Hibernate Reactive. Read only: the projection
 * ({@link NoticeProjection}) writes the table with SQL in its feed transaction, and a rebuild renumbers it.
 */
@Entity
@Immutable
@Table(name = "notices")
public class Notice {

    @Id
    public long seq;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "district_code")
    public String district;

    @Column(name = "audience_kind")
    public String audienceKind;

    @Column(name = "audience_code")
    public @Nullable String audienceCode;

    public String kind;

    @Column(name = "finding_ids")
    public UUID[] findingIds;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;

    @Column(name = "acknowledged_at")
    public @Nullable OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public @Nullable String acknowledgedBy;

    /** The notice as published (jsonb), read as its text. */
    @ColumnTransformer(read = "notice::text")
    public String notice;
}
