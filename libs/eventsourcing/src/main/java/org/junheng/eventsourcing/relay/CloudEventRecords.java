package org.junheng.eventsourcing.relay;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.StoredEvent;

/**
 * CloudEvents 1.0 in Kafka binary mode, through the CloudEvents SDK: the payload is the record value, the attributes
 * are {@code ce_*} headers. The tenant, causal chain, actor and trace go as plain headers (CloudEvents attribute names
 * may not contain the {@code _} of {@code junheng_district}).
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static CloudEvent toCloudEvent(StoredEvent event, URI source, String ceType) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId().toString())
                .withSource(source)
                .withType(ceType)
                .withTime(event.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.payloadJson().getBytes(StandardCharsets.UTF_8));
        String subject = event.metadata().subject();
        builder.withSubject(subject != null ? subject : event.streamId());
        return builder.build();
    }

    /** The binary-mode record with the Junheng headers added. */
    public static ProducerRecord<String, byte[]> toRecord(StoredEvent event, KafkaRoute route, URI source) {
        CloudEvent cloudEvent = toCloudEvent(event, source, route.ceType());
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(route.topic(), route.key())
                .writeBinary(cloudEvent);
        Headers headers = record.headers();
        EventMetadata metadata = event.metadata();
        put(headers, CloudEventHeaders.DISTRICT, metadata.district());
        put(headers, CloudEventHeaders.CORRELATION_ID, metadata.correlationId());
        put(headers, CloudEventHeaders.CAUSATION_ID, metadata.causationId());
        put(headers, CloudEventHeaders.ACTOR, metadata.actor() == null ? null : metadata.actor().headerValue());
        put(headers, CloudEventHeaders.TRACEPARENT, metadata.traceparent());
        return record;
    }

    /** Reads a binary-mode record back into a CloudEvent (validates the required attributes). */
    public static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        MessageReader reader = KafkaMessageFactory.createReader(record);
        return reader.toEvent();
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
