package org.junheng.eventsourcing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is recorded about an event besides its payload: the tenant, the causal chain, who did it, and the trace. It
 * travels to Kafka as headers ({@code junheng_district}, {@code junheng_correlationid}, {@code junheng_causationid},
 * {@code junheng_actor}, {@code traceparent}) and the CloudEvents {@code subject}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventMetadata(
        String district,
        String correlationId,
        String causationId,
        Actor actor,
        String subject,
        String traceparent) {

    public static final EventMetadata NONE = new EventMetadata(null, null, null, null, null, null);

    /** The person or system that caused the event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actor(String subject, String role, String department) {
        public static Actor system(String component) {
            return new Actor(component, "system", null);
        }

        /** Compact header form: {@code subject;role;department}. */
        public String headerValue() {
            return subject + ";" + (role == null ? "" : role) + ";" + (department == null ? "" : department);
        }
    }

    public EventMetadata withDistrict(String value) {
        return new EventMetadata(value, correlationId, causationId, actor, subject, traceparent);
    }

    public EventMetadata withSubject(String value) {
        return new EventMetadata(district, correlationId, causationId, actor, value, traceparent);
    }
}
