package org.junheng.notices.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.notices.AudienceKind;

/**
 * A webhook subscription (推送订阅): plain entity-shaped data a department or the office manages, so it is read and
 * written through Hibernate Reactive (Panache). The delivery outbox beside it ({@code webhook_deliveries}) stays SQL:
 * the dispatcher claims and retries rows with statements Hibernate would only wrap.
 */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @Column(name = "subscription_id")
    public UUID id;

    @Column(name = "district_code", nullable = false)
    public String district;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_kind")
    public @Nullable AudienceKind audienceKind;

    @Column(name = "audience_code")
    public @Nullable String audienceCode;

    /** The notice kinds followed; null for all. */
    @Column(name = "kinds")
    public @Nullable String[] kinds;

    @Column(nullable = false)
    public String url;

    /** The signing secret (STANDARD), the DingTalk robot's 加签 secret, or empty. */
    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_by")
    public @Nullable String createdBy;

    /** Set by the database when the row is inserted. */
    @Column(name = "created_at", insertable = false, updatable = false)
    public @Nullable OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RobotMessages.Format format;

    /** The district's subscriptions in the order they were made; a department's own only when it is given. */
    public static Uni<List<WebhookSubscription>> ofDistrict(String district, @Nullable String department) {
        return department == null ? list("district = ?1 order by createdAt, id", district)
                : list("district = ?1 and audienceKind = ?2 and audienceCode = ?3 order by createdAt, id", district,
                AudienceKind.DEPARTMENT, department);
    }
}
