package org.junheng.eventsourcing.published;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.contracts.EventCatalog;
import org.junheng.contracts.PublishedEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.consumer.PayloadSchemas;
import org.junheng.eventsourcing.consumer.PoisonRecordException;
import org.junheng.eventsourcing.relay.CloudEventRecords;

/**
 * One Junheng event as a consumer receives it: the CloudEvent id (the inbox's message id, and the causation id of
 * what the consumer does about it), its type and time, the event, and the causal-chain headers.
 */
public record ConsumedEvent(String id, String storedType, OffsetDateTime time, PublishedEvent event,
                            String correlationId, String causationId, String actor, String traceparent) {

    /**
     * The record as an event of the catalogue, checked against its published JSON Schema.
     *
     * @throws PoisonRecordException for a record that is not a CloudEvent, of a type this version does not know, or
     *                               whose payload is not valid JSON, breaks its schema or does not map onto the event
     */
    public static ConsumedEvent read(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = record.value() == null ? null : CloudEventRecords.read(record);
        } catch (RuntimeException e) {
            throw new PoisonRecordException(PoisonRecordException.Reason.NOT_A_CLOUDEVENT,
                    "不是 CloudEvent (not a CloudEvent in binary mode): " + e.getMessage());
        }
        if (cloudEvent == null || cloudEvent.getType() == null || cloudEvent.getId() == null) {
            throw new PoisonRecordException(PoisonRecordException.Reason.NOT_A_CLOUDEVENT,
                    "不是 CloudEvent (no value, type or id)");
        }
        var entry = EventCatalog.findByCeType(cloudEvent.getType()).orElseThrow(() -> new PoisonRecordException(
                PoisonRecordException.Reason.UNKNOWN_TYPE,
                "未知的事件类型 (unknown CloudEvents type): " + cloudEvent.getType()));
        byte[] data = cloudEvent.getData() == null ? new byte[0] : cloudEvent.getData().toBytes();
        JsonNode payload;
        try {
            payload = PublishedEvents.JSON.readTree(data);
        } catch (IOException e) {
            throw new PoisonRecordException(PoisonRecordException.Reason.INVALID_PAYLOAD,
                    "内容不是 JSON (payload is not JSON): " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()));
        }
        if (payload == null || payload.isMissingNode()) {
            throw new PoisonRecordException(PoisonRecordException.Reason.INVALID_PAYLOAD, "内容为空 (empty payload)");
        }
        List<String> violations = PayloadSchemas.violations(entry, payload);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException(PoisonRecordException.Reason.INVALID_PAYLOAD,
                    "内容不符合 " + entry.storedType() + " 的 JSON Schema (breaks its schema): "
                            + String.join("; ", violations.subList(0, Math.min(5, violations.size()))));
        }
        PublishedEvent event;
        try {
            event = PublishedEvents.JSON.treeToValue(payload, entry.eventClass());
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonRecordException(PoisonRecordException.Reason.INVALID_PAYLOAD,
                    "内容无法读作 " + entry.storedType() + " (does not map onto the event): " + e.getMessage());
        }
        return new ConsumedEvent(cloudEvent.getId(), entry.storedType(), cloudEvent.getTime(),
                event, header(record, CloudEventHeaders.CORRELATION_ID),
                header(record, CloudEventHeaders.CAUSATION_ID), header(record, CloudEventHeaders.ACTOR),
                header(record, CloudEventHeaders.TRACEPARENT));
    }

    /** Metadata for what a consumer appends because of this event: same correlation, caused by it, done by actor. */
    public EventMetadata causedBy(EventMetadata.Actor by) {
        return new EventMetadata(event.districtCode(), correlationId, id, by, null, traceparent, null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventRecords.header(record, name).orElse(null);
    }
}
