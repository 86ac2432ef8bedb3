package org.junheng.rectification.settings;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;

/**
 * Each district's responsibility matrix and campaign; the STANDARD.md defaults until the district sets its own. Stored
 * through Hibernate Reactive ({@link DistrictSettingsRecord}); read in a session of its own, also when a consumer
 * asks from inside its transaction (the settings are not part of what the consumer changes).
 */
@ApplicationScoped
public class DistrictSettings {

    private final Clock clock;

    public DistrictSettings(Clock clock) {
        this.clock = clock;
    }

    /** The settings in force and their version (0 while the defaults apply). */
    public record Settings(ResponsibilityMatrix matrix, Campaign campaign, long version) {
    }

    public Uni<Settings> of(String district) {
        return Panache.withSession(() -> DistrictSettingsRecord.<DistrictSettingsRecord>findById(district))
                .map(stored -> stored == null ? new Settings(ResponsibilityMatrix.standard(), Campaign.standard(), 0)
                        : new Settings(stored.matrix == null ? ResponsibilityMatrix.standard()
                                : read(stored.matrix, ResponsibilityMatrix.class),
                                stored.campaign == null ? Campaign.standard() : read(stored.campaign, Campaign.class),
                                stored.version));
    }

    /**
     * Saves at the version the caller read; false when someone else saved in between. The row is locked while it is
     * compared, so two offices saving at once cannot both succeed; two first saves meet at the primary key.
     */
    public Uni<Boolean> save(String district, ResponsibilityMatrix matrix, Campaign campaign, long expectedVersion) {
        String matrixJson = matrix == null ? null : PublishedEvents.write(matrix);
        String campaignJson = campaign == null ? null : PublishedEvents.write(campaign);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (expectedVersion == 0) {
            DistrictSettingsRecord first = new DistrictSettingsRecord();
            first.districtCode = district;
            first.matrix = matrixJson;
            first.campaign = campaignJson;
            first.version = 1;
            first.updatedAt = now;
            return Panache.withTransaction(() -> DistrictSettingsRecord.<DistrictSettingsRecord>findById(district)
                            .flatMap(existing -> existing != null ? Uni.createFrom().item(false)
                                    : first.persist().replaceWith(true)))
                    .onFailure(org.hibernate.exception.ConstraintViolationException.class).recoverWithItem(false);
        }
        return Panache.withTransaction(() -> DistrictSettingsRecord.<DistrictSettingsRecord>findById(district,
                LockModeType.PESSIMISTIC_WRITE).map(stored -> {
                    if (stored == null || stored.version != expectedVersion) {
                        return false;
                    }
                    if (matrixJson != null) {
                        stored.matrix = matrixJson;
                    }
                    if (campaignJson != null) {
                        stored.campaign = campaignJson;
                    }
                    stored.version++;
                    stored.updatedAt = now;
                    return true;
                }));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return PublishedEvents.JSON.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored settings are unreadable as " + type.getSimpleName(), e);
        }
    }
}
