package org.junheng.evaluation.inputs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;
import org.junheng.evaluation.SchoolDataPublisher;
import org.junheng.infra.JunhengInfraTestResource;
import org.junit.jupiter.api.Test;

/** school-data events from a real broker land in the input tables once, even when delivered twice. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class SchoolDataConsumerTest {

    /** Not the sample district, which another test of this JVM evaluates. */
    static final String DISTRICT = "500199";

    @Inject
    Pool pool;

    @Test
    void everyEventIsAppliedOnceAndMarksItsDistrictPeriod() throws Exception {
        SchoolProfile profile = new SchoolProfile("重庆市大渡口区钢花小学", SchoolType.PRIMARY, LocationClass.URBAN,
                Ownership.PUBLIC, false, 1958, List.of());
        String code = "2150473309";
        SchoolStatistics statistics = new SchoolStatistics(List.of(new SectionStatistics(Section.P, 1420, 35, 45,
                List.of(), 429, 1382, new Teachers(new QualificationCounts(1, 10, 67, 4, 0), 82, 18, 9, 5, 5, 1, 0, 82),
                null)), 0, new Facilities(new BigDecimal("7733"), new BigDecimal("180"), BigDecimal.ZERO,
                new BigDecimal("14085"), null, new BigDecimal("4455493.98"), 41, List.of(new BigDecimal("98")),
                List.of(new BigDecimal("87"))), new Funds(new BigDecimal("1351700"), new BigDecimal("84400"), null), null);

        List<String> messageIds;
        try (SchoolDataPublisher publisher = new SchoolDataPublisher()) {
            // every message twice: the inbox must apply it once
            messageIds = publisher.publish(List.of(new SchoolEvent.SchoolRegistered(DISTRICT, code, profile),
                    new SchoolStatisticsEvent.SchoolStatisticsSubmitted(DISTRICT, code, 2024, profile, statistics)), 2);
        }

        // applied, then evaluated: the district period was marked and the runner took it
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) as n from events where stream_id = "
                + "'evaluation/" + DISTRICT + "/2024'") > 0);
        assertEquals(2, pool.preparedQuery("select count(*) as n from inbox where consumer = $1 and message_id = any($2)")
                .execute(Tuple.of("indicator-evaluation/school-data", messageIds.toArray(String[]::new)))
                .await().indefinitely().iterator().next().getLong("n"));
        assertEquals(1, count("select count(*) as n from input_schools where status = 'ACTIVE' and district_code = '"
                + DISTRICT + "'"));
        assertEquals(1, count("select count(*) as n from input_statistics where district_code = '" + DISTRICT + "'"));
        var row = pool.preparedQuery("select statistics->'sections'->0->>'pupils' as pupils from input_statistics"
                        + " where district_code = $1 and period = 2024 and school_code = $2")
                .execute(Tuple.of(DISTRICT, code)).await().indefinitely().iterator().next();
        assertEquals("1420", row.getString("pupils"));
        // the evaluation's events name the input message that caused them
        var cause = pool.preparedQuery("select metadata->>'causationId' as cause, metadata->>'correlationId' as corr"
                        + " from events where stream_id = $1 order by version limit 1")
                .execute(Tuple.of("evaluation/" + DISTRICT + "/2024")).await().indefinitely().iterator().next();
        assertEquals(messageIds.get(1), cause.getString("cause"));
        assertEquals("test-correlation", cause.getString("corr"));
    }

    long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong("n");
    }
}
