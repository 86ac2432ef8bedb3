package org.junheng.contracts.operations;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.junheng.contracts.PublishedEvent;

/**
 * What the services tell operations about themselves: a record one of their consumers parked. Keyed by district, so
 * the alerts of one district stay in order.
 */
public sealed interface OperationsEvent extends PublishedEvent {

    @Override
    default String messageKey() {
        return districtCode();
    }

    @JsonClassDescription("消息搁置: a consumer could not handle a record and parked it for an administrator")
    record RecordParked(
            String districtCode,
            @JsonPropertyDescription("the service whose consumer parked it, e.g. rectification") String service,
            @JsonPropertyDescription("the consumer, e.g. rectification/evaluation") String consumer,
            @JsonPropertyDescription("the parked record's id in that service: GET /api/v1/admin/parked-records/{id}")
            long parkedRecordId,
            String topic,
            int partition,
            long offset,
            @JsonPropertyDescription("NOT_A_CLOUDEVENT, UNKNOWN_TYPE, INVALID_PAYLOAD, TOO_LARGE or HANDLING_FAILED")
            String reason)
            implements OperationsEvent {
    }
}
