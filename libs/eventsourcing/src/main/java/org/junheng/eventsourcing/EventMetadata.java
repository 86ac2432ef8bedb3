package org.junheng.eventsourcing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is recorded about an event besides its payload: the tenant, the causal chain, who did it, where it is
 * published and the trace. It travels to Kafka as the record key ({@code partitionKey}), the CloudEvents
 * {@code subject}, and the headers {@code junheng_district}, {@code junheng_correlationid},
 * {@code junheng_causationid}, {@code junheng_actor} and {@code traceparent}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventMetadata(
        String district,
        String correlationId,
        String causationId,
        Actor actor,
        String subject,
        String traceparent,
        String partitionKey) {

    public static final EventMetadata NONE = new EventMetadata(null, null, null, null, null, null, null);

    /**
     * The person or system that caused the event; {@code department} is the acting unit (department or school code),
     * {@code name} the person's display name as their token gives it (records written before it was kept have none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actor(String subject, String role, String department, String name) {
        public Actor(String subject, String role, String department) {
            this(subject, role, department, null);
        }

        public static Actor system(String component) {
            return new Actor(component, "system", null);
        }

        /** Compact header form: {@code subject;role;department}, then {@code ;name} when there is one. */
        public String headerValue() {
            return subject + ";" + (role == null ? "" : role) + ";" + (department == null ? "" : department)
                    + (name == null || name.isBlank() ? "" : ";" + name.replace(';', ','));
        }

        /** Reads {@link #headerValue()}; null for nothing. */
        public static Actor fromHeaderValue(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split(";", 4);
            return new Actor(parts[0], part(parts, 1), part(parts, 2), part(parts, 3));
        }

        private static String part(String[] parts, int index) {
            return parts.length > index && !parts[index].isBlank() ? parts[index] : null;
        }
    }

    public EventMetadata withDistrict(String value) {
        return new EventMetadata(value, correlationId, causationId, actor, subject, traceparent, partitionKey);
    }

    public EventMetadata withSubject(String value) {
        return new EventMetadata(district, correlationId, causationId, actor, value, traceparent, partitionKey);
    }

    public EventMetadata withPartitionKey(String value) {
        return new EventMetadata(district, correlationId, causationId, actor, subject, traceparent, value);
    }
}
