package org.junheng.rectification.settings;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junheng.contracts.Nullable;

/**
 * A district's own responsibility matrix and campaign, as stored: entity-shaped settings the office edits, read and
 * written through Hibernate Reactive. The JSON stays text here and is read into the domain records by
 * {@link DistrictSettings}, with the same reader as every other stored JSON.
 */
@Entity
@Table(name = "district_settings")
public class DistrictSettingsRecord extends PanacheEntityBase {

    @Id
    @Column(name = "district_code")
    public String districtCode;

    /** The matrix as JSON; null while the district keeps the standard one. */
    @JdbcTypeCode(SqlTypes.JSON)
    public @Nullable String matrix;

    /** The campaign as JSON; null while the district keeps the standard one. */
    @JdbcTypeCode(SqlTypes.JSON)
    public @Nullable String campaign;

    /** Counts the saves (the ETag); compared and raised by {@link DistrictSettings#save}, under a row lock. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
