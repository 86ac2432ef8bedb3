package org.junheng.contracts;

/**
 * Kafka header names of a Junheng event in CloudEvents 1.0 binary mode. The {@code ce_*} headers and
 * {@code content-type} are the CloudEvents Kafka protocol binding. {@code junheng_*} and {@code traceparent} are plain
 * Kafka headers, not CloudEvents extension attributes, because CloudEvents attribute names may hold only lower-case
 * letters and digits (no {@code _}).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** The value of {@link #SPEC_VERSION}. */
    public static final String SPEC_VERSION_VALUE = "1.0";
    /** The value of {@link #CONTENT_TYPE}: every payload is JSON described by its event type's JSON Schema. */
    public static final String CONTENT_TYPE_JSON = "application/json";

    public static final String DISTRICT = "junheng_district";
    public static final String CORRELATION_ID = "junheng_correlationid";
    public static final String CAUSATION_ID = "junheng_causationid";
    /** {@code subject;role;department} of the person or system that caused the event. */
    public static final String ACTOR = "junheng_actor";
    /** W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }
}
