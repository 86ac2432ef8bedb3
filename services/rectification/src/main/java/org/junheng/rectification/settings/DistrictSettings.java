package org.junheng.rectification.settings;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;

/** Each district's responsibility matrix and campaign; the STANDARD.md defaults until the district sets its own. */
@ApplicationScoped
public class DistrictSettings {

    private final Pool pool;

    public DistrictSettings(Pool pool) {
        this.pool = pool;
    }

    /** The settings in force and their version (0 while the defaults apply). */
    public record Settings(ResponsibilityMatrix matrix, Campaign campaign, long version) {
    }

    public Uni<Settings> of(SqlClient client, String district) {
        return client.preparedQuery("""
                        select matrix::text as matrix, campaign::text as campaign, version from district_settings
                        where district_code = $1""")
                .execute(Tuple.of(district)).map(rows -> {
                    if (rows.rowCount() == 0) {
                        return new Settings(ResponsibilityMatrix.standard(), Campaign.standard(), 0);
                    }
                    Row row = rows.iterator().next();
                    String matrix = row.getString("matrix");
                    String campaign = row.getString("campaign");
                    return new Settings(matrix == null ? ResponsibilityMatrix.standard()
                            : read(matrix, ResponsibilityMatrix.class),
                            campaign == null ? Campaign.standard() : read(campaign, Campaign.class),
                            row.getLong("version"));
                });
    }

    public Uni<Settings> of(String district) {
        return of(pool, district);
    }

    /** Saves at the version the caller read; returns false when someone else saved in between. */
    public Uni<Boolean> save(String district, ResponsibilityMatrix matrix, Campaign campaign, long expectedVersion) {
        String matrixJson = matrix == null ? null : PublishedEvents.write(matrix);
        String campaignJson = campaign == null ? null : PublishedEvents.write(campaign);
        if (expectedVersion == 0) {
            return pool.preparedQuery("""
                            insert into district_settings (district_code, matrix, campaign)
                            values ($1, $2::text::jsonb, $3::text::jsonb) on conflict (district_code) do nothing""")
                    .execute(Tuple.of(district, matrixJson, campaignJson)).map(rows -> rows.rowCount() == 1);
        }
        return pool.preparedQuery("""
                        update district_settings set matrix = coalesce($2::text::jsonb, matrix),
                            campaign = coalesce($3::text::jsonb, campaign), version = version + 1, updated_at = now()
                        where district_code = $1 and version = $4""")
                .execute(Tuple.of(district, matrixJson, campaignJson, expectedVersion))
                .map(rows -> rows.rowCount() == 1);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return PublishedEvents.JSON.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored settings are unreadable as " + type.getSimpleName(), e);
        }
    }
}
