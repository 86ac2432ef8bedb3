package org.junheng.eventsourcing.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.StoredEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the relay writes by hand, the CloudEvents SDK reads back as the event the SDK's own builder makes. */
class CloudEventRecordsTest {

    static final URI SOURCE = URI.create("/junheng/rectification");

    static StoredEvent event(Instant recordedAt, String subject) {
        EventMetadata metadata = new EventMetadata("500104", "corr-1", "cause-1",
                new EventMetadata.Actor("u-jw-17", "department", "jw", "李明"), subject,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);
        return new StoredEvent(new FeedPosition(7, 42), "task/" + UUID.randomUUID(), "Task", 3, UUID.randomUUID(),
                "TaskOpened.v1", "{\"title\":\"生均教学及辅助用房面积\",\"n\":1}", metadata, recordedAt);
    }

    static ConsumerRecord<String, byte[]> delivered(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, -1, sent.value().length,
                sent.key(), sent.value(), sent.headers(), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-28T02:00:00Z", "2024-11-28T02:00:00.123400Z", "2024-11-28T02:00:00.123456789Z",
            "2031-02-28T23:59:59.5Z"})
    void theSdkReadsWhatTheRelayWrites(String time) {
        for (String subject : new String[] {null, "task/500104/1"}) {
            StoredEvent event = event(Instant.parse(time), subject);
            KafkaRoute route = new KafkaRoute("junheng.rectification.v1", "500104",
                    "org.junheng.rectification.TaskOpened.v1");
            ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(event, route, SOURCE);
            CloudEvent read = CloudEventRecords.read(delivered(record));
            assertEquals(CloudEventRecords.toCloudEvent(event, SOURCE, route.ceType()), read, time + " " + subject);
            assertEquals(subject != null ? subject : event.streamId(), read.getSubject());
            assertEquals(event.payloadJson(), new String(read.getData().toBytes(), StandardCharsets.UTF_8));
            assertEquals("500104", record.key());
            assertEquals(Optional.of("500104"), CloudEventRecords.header(delivered(record), CloudEventHeaders.DISTRICT));
            assertEquals(Optional.of("corr-1"), CloudEventRecords.header(delivered(record),
                    CloudEventHeaders.CORRELATION_ID));
            assertEquals(Optional.of(event.metadata().traceparent()), CloudEventRecords.header(delivered(record),
                    CloudEventHeaders.TRACEPARENT));
        }
    }
}
