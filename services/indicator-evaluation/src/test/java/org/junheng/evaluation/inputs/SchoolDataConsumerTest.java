package org.junheng.evaluation.inputs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.Topics;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.published.CatalogRouter;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.eventsourcing.relay.CloudEventRecords;
import org.junheng.eventsourcing.relay.OutboxRelay;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** school-data events from a real broker land in the input tables once, even when delivered twice. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class SchoolDataConsumerTest {

    static final String DISTRICT = "500104";

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

        try (Producer<String, byte[]> producer = OutboxRelay.producer(TestInfrastructure.shared().kafkaBootstrapServers(),
                Map.of())) {
            for (PublishedEvent event : List.of(
                    new SchoolEvent.SchoolRegistered(DISTRICT, code, profile),
                    new SchoolStatisticsEvent.SchoolStatisticsSubmitted(DISTRICT, code, 2024, profile, statistics))) {
                NewEvent newEvent = PublishedEvents.toNewEvent(event, EventMetadata.NONE);
                StoredEvent stored = new StoredEvent(new FeedPosition(1, 1), "test", "Test", 1, newEvent.eventId(),
                        newEvent.eventType(), newEvent.payloadJson(), newEvent.metadata(), Instant.now());
                var route = new CatalogRouter().route(stored);
                assertEquals(Topics.SCHOOL_DATA, route.topic());
                // every message twice: the inbox must apply it once
                producer.send(CloudEventRecords.toRecord(stored, route, URI.create("/junheng/test"))).get();
                producer.send(CloudEventRecords.toRecord(stored, route, URI.create("/junheng/test"))).get();
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) as n from inbox") >= 2
                && count("select count(*) as n from input_statistics") == 1);
        assertEquals(2, count("select count(*) as n from inbox where consumer = 'indicator-evaluation/school-data'"));
        assertEquals(1, count("select count(*) as n from input_schools where status = 'ACTIVE'"));
        var row = pool.preparedQuery("select statistics->'sections'->0->>'pupils' as pupils from input_statistics"
                        + " where district_code = $1 and period = 2024 and school_code = $2")
                .execute(Tuple.of(DISTRICT, code)).await().indefinitely().iterator().next();
        assertEquals("1420", row.getString("pupils"));
        assertEquals(1, count("select count(*) as n from evaluation_requests where district_code = '500104' and period = 2024"));
    }

    long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong("n");
    }
}
