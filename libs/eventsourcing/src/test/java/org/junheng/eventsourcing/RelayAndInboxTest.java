package org.junheng.eventsourcing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.eventsourcing.inbox.Inbox;
import org.junheng.eventsourcing.relay.CloudEventRecords;
import org.junheng.eventsourcing.relay.KafkaRoute;
import org.junheng.eventsourcing.relay.OutboxRelay;
import org.junheng.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The outbox relay and the inbox against the real broker and database. */
class RelayAndInboxTest {

    private static final URI SOURCE = URI.create("/junheng/test");

    @Test
    void everyEventIsPublishedOnceInFeedOrderDespiteSlowCommitsAndTwoRelayInstances() {
        String topic = "relay-order-" + UUID.randomUUID();
        try (TestDatabase db = TestDatabase.freshSchema(24)) {
            EventStore store = new EventStore(db.pool());
            OutboxRelay first = relay(db, topic);
            OutboxRelay second = relay(db, topic);
            first.start();
            second.start();

            int transactions = 40;
            int eventsPerTransaction = 5;
            List<Uni<Void>> writers = new ArrayList<>();
            for (int t = 0; t < transactions; t++) {
                String stream = "stream-" + t;
                double pause = ThreadLocalRandom.current().nextInt(4) == 0 ? 0.05 * ThreadLocalRandom.current().nextInt(1, 8) : 0;
                writers.add(db.pool().withTransaction(tx -> store.append(tx, List.of(new StreamAppend(stream, "T",
                                ExpectedVersion.noStream(), Events.many("Happened.v1", eventsPerTransaction))))
                        // a slow commit: its positions are taken now, its commit comes later than others'
                        .flatMap(ignored -> tx.preparedQuery("select pg_sleep($1)").execute(Tuple.of(pause)))
                        .replaceWithVoid()));
            }
            Uni.join().all(writers).andFailFast().await().atMost(Duration.ofMinutes(1));
            int total = transactions * eventsPerTransaction;

            List<String> feedOrder = db.pool().query(
                            "select event_id::text as id from events order by transaction_id, global_position")
                    .execute().await().indefinitely().stream().map(r -> r.getString("id")).toList();
            assertEquals(total, feedOrder.size());

            List<ConsumerRecord<String, byte[]>> records = consumeAtLeast(topic, total, Duration.ofSeconds(60));
            List<String> publishedIds = records.stream()
                    .map(r -> CloudEventRecords.header(r, CloudEventHeaders.ID).orElseThrow()).toList();
            assertEquals(feedOrder, publishedIds, "published exactly once each, in feed order");
            assertEquals(1, (first.isActive() ? 1 : 0) + (second.isActive() ? 1 : 0), "exactly one active relay");
            assertEquals(total, first.publishedCount() + second.publishedCount());

            ConsumerRecord<String, byte[]> sample = records.get(0);
            CloudEvent event = CloudEventRecords.read(sample);
            assertEquals("org.junheng.test.Happened.v1", event.getType());
            assertEquals(SOURCE, event.getSource());
            assertEquals("500104", CloudEventRecords.header(sample, CloudEventHeaders.DISTRICT).orElseThrow());
            assertEquals("zhang.wei;supervisor;区政府教育督导室",
                    CloudEventRecords.header(sample, CloudEventHeaders.ACTOR).orElseThrow());
            assertTrue(new String(event.getData().toBytes(), StandardCharsets.UTF_8).contains("事件"));
            assertEquals(sample.key(), "key/" + event.getSubject());

            // fail-over: the active relay stops, the standby takes over from the checkpoint
            OutboxRelay active = first.isActive() ? first : second;
            OutboxRelay standby = active == first ? second : first;
            active.close();
            store.append("after-failover", "T", ExpectedVersion.noStream(), Events.many("Happened.v1", 3))
                    .await().indefinitely();
            await().atMost(Duration.ofSeconds(30)).until(standby::isActive);
            List<ConsumerRecord<String, byte[]>> all = consumeAtLeast(topic, total + 3, Duration.ofSeconds(60));
            List<String> allIds = all.stream().map(r -> CloudEventRecords.header(r, CloudEventHeaders.ID).orElseThrow())
                    .toList();
            assertEquals(allIds.size(), new HashSet<>(allIds).size(), "no event published twice");
            assertEquals(total + 3, allIds.size());
            standby.close();
        }
    }

    @Test
    void historyTheBrokerLostIsPublishedAgainFromTheFirstMissingEvent() throws Exception {
        String topic = "relay-history-" + UUID.randomUUID();
        Properties properties = new Properties();
        properties.put("bootstrap.servers", TestInfrastructure.shared().kafkaBootstrapServers());
        try (TestDatabase db = TestDatabase.freshSchema(8); var admin = org.apache.kafka.clients.admin.Admin.create(
                properties)) {
            EventStore store = new EventStore(db.pool());
            for (int i = 0; i < 10; i++) {
                store.append("history-" + i, "T", ExpectedVersion.noStream(), Events.many("Happened.v1", 1))
                        .await().indefinitely();
            }
            List<String> feedOrder = db.pool().query(
                            "select event_id::text as id from events order by transaction_id, global_position")
                    .execute().await().indefinitely().stream().map(r -> r.getString("id")).toList();
            List<ConsumerRecord<String, byte[]>> published;
            try (OutboxRelay relay = relayWatchingHistory(db, topic)) {
                relay.start();
                published = consumeAtLeast(topic, 10, Duration.ofSeconds(60));
                await().atMost(Duration.ofSeconds(30)).until(() -> db.pool().query(
                        "select next_offset from relay_offsets").execute().await().indefinitely().iterator().next()
                        .getLong("next_offset") == 10L);
            }

            // the broker is replaced by one holding only the first four records
            replaceTopic(admin, topic);
            try (var producer = OutboxRelay.producer(TestInfrastructure.shared().kafkaBootstrapServers(), Map.of())) {
                for (ConsumerRecord<String, byte[]> record : published.subList(0, 4)) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, null, record.key(),
                            record.value(), record.headers())).get();
                }
            }
            try (OutboxRelay relay = relayWatchingHistory(db, topic)) {
                relay.start();
                List<String> ids = ids(consumeAtLeast(topic, 10, Duration.ofSeconds(60)));
                assertEquals(feedOrder, ids, "the six lost events again, after the four kept, none twice");
                assertEquals(1, relay.republishCount());

                // while it runs idle, the topic goes altogether: everything is published again
                admin.deleteTopics(List.of(topic)).all().get();
                await().atMost(Duration.ofSeconds(60)).until(() -> relay.republishCount() == 2);
                assertEquals(feedOrder, ids(consumeAtLeast(topic, 10, Duration.ofSeconds(60))));
            }
        }
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> CloudEventRecords.header(r, CloudEventHeaders.ID).orElseThrow()).toList();
    }

    private static void replaceTopic(org.apache.kafka.clients.admin.Admin admin, String topic) throws Exception {
        admin.deleteTopics(List.of(topic)).all().get();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
            return true;
        });
    }

    static OutboxRelay relayWatchingHistory(TestDatabase db, String topic) {
        String servers = TestInfrastructure.shared().kafkaBootstrapServers();
        return new OutboxRelay(db.pool(), "main", SOURCE,
                event -> new KafkaRoute(topic, "key/" + event.streamId(), "org.junheng.test." + event.eventType()),
                null, OutboxRelay.producer(servers, Map.of()), 100, Duration.ofMillis(20),
                org.junheng.eventsourcing.relay.BrokerHistory.kafka(servers, Duration.ofSeconds(10)),
                Duration.ofMillis(300));
    }

    @Test
    void aConsumerThatReceivesEveryMessageTwiceAppliesItOnce() {
        String topic = "inbox-" + UUID.randomUUID();
        try (TestDatabase db = TestDatabase.freshSchema(8)) {
            db.pool().query("create table applied (message_id text primary key, times int not null)")
                    .execute().await().indefinitely();
            EventStore store = new EventStore(db.pool());
            store.append("s", "T", ExpectedVersion.noStream(), Events.many("Happened.v1", 30)).await().indefinitely();
            try (OutboxRelay relay = relay(db, topic)) {
                relay.start();
                List<ConsumerRecord<String, byte[]>> records = consumeAtLeast(topic, 30, Duration.ofSeconds(60));
                Inbox inbox = new Inbox(db.pool(), "test-consumer");
                List<Inbox.Outcome> outcomes = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    String id = CloudEventRecords.read(record).getId();
                    // the same message twice at the same moment, and once more later
                    Uni<Inbox.Outcome> once = inbox.process(id, tx -> tx.preparedQuery(
                                    "insert into applied values ($1, 1) on conflict (message_id) do update set times = applied.times + 1")
                            .execute(Tuple.of(id)));
                    outcomes.addAll(Uni.join().all(once, inbox.process(id, tx -> tx.preparedQuery(
                                    "insert into applied values ($1, 1) on conflict (message_id) do update set times = applied.times + 1")
                            .execute(Tuple.of(id)))).andFailFast().await().indefinitely());
                    outcomes.add(inbox.process(id, tx -> Uni.createFrom().failure(
                            new AssertionError("a duplicate must not be applied"))).await().indefinitely());
                }
                assertEquals(30, outcomes.stream().filter(o -> o == Inbox.Outcome.APPLIED).count());
                assertEquals(60, outcomes.stream().filter(o -> o == Inbox.Outcome.DUPLICATE).count());
                var rows = db.pool().query("select count(*) as n, max(times) as most from applied")
                        .execute().await().indefinitely().iterator().next();
                assertEquals(30L, rows.getLong("n"));
                assertEquals(1, rows.getInteger("most"));
            }
        }
    }

    static OutboxRelay relay(TestDatabase db, String topic) {
        return new OutboxRelay(db.pool(), "main", SOURCE,
                event -> new KafkaRoute(topic, "key/" + event.streamId(),
                        "org.junheng.test." + event.eventType()),
                null, OutboxRelay.producer(TestInfrastructure.shared().kafkaBootstrapServers(), Map.of()),
                100, Duration.ofMillis(20));
    }

    static List<ConsumerRecord<String, byte[]>> consumeAtLeast(String topic, int count, Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(timeout).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            // anything published twice would arrive right behind
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        assertNotNull(records);
        return records;
    }
}
