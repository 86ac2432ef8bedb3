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
 * CloudEvents 1.0 in Kafka binary mode: the payload is the record value, the attributes are {@code ce_*} headers. The
 * tenant, causal chain, actor and trace go as plain headers (CloudEvents attribute names may not contain the {@code _}
 * of {@code junheng_district}).
 *
 * <p>Records are read through the CloudEvents SDK ({@link #read}). They are written here, header by header, because
 * the relay writes every event the service ever records: the SDK's writer (an event built and validated, then visited
 * attribute by attribute, {@code time} formatted by a {@code DateTimeFormatter}) was half of the relay thread's work.
 * {@code CloudEventRecordsTest} holds the two to the same event: what is written here the SDK reads back as the event
 * {@link #toCloudEvent} builds.
 */
public final class CloudEventRecords {

    private static final String SPEC_VERSION_HEADER = "ce_specversion";
    /** The CloudEvents {@code type} attribute as a Kafka header (binary mode). */
    public static final String TYPE_HEADER = "ce_type";
    private static final String CONTENT_TYPE_HEADER = "content-type";

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

    private static final byte[] SPEC_VERSION = "1.0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON = "application/json".getBytes(StandardCharsets.UTF_8);

    /** The binary-mode record with the Junheng headers added. */
    public static ProducerRecord<String, byte[]> toRecord(StoredEvent event, KafkaRoute route, URI source) {
        EventMetadata metadata = event.metadata();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(route.topic(), route.key(),
                event.payloadJson().getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        headers.add(SPEC_VERSION_HEADER, SPEC_VERSION);
        put(headers, "ce_id", event.eventId().toString());
        put(headers, "ce_source", source.toString());
        put(headers, TYPE_HEADER, route.ceType());
        // RFC 3339 in UTC, as Instant writes it (the SDK reads any fraction length)
        put(headers, "ce_time", event.recordedAt().toString());
        put(headers, "ce_subject", metadata.subject() != null ? metadata.subject() : event.streamId());
        headers.add(CONTENT_TYPE_HEADER, JSON);
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
