package org.junheng.eventsourcing.consumer;

/**
 * A record that no retry can make handleable as it is: it is parked, and the consumer goes on with the next record.
 */
public final class PoisonRecordException extends RuntimeException {

    /** Why a record was parked. */
    public enum Reason {
        /** Not a CloudEvent in Kafka binary mode (missing or malformed {@code ce_*} headers), or no value at all. */
        NOT_A_CLOUDEVENT,
        /** A CloudEvents type that the event catalogue of this version does not know. */
        UNKNOWN_TYPE,
        /** A known type whose payload is not JSON, breaks its JSON Schema or does not map onto the event. */
        INVALID_PAYLOAD,
        /** A value larger than the consumer accepts. */
        TOO_LARGE,
        /** Handling failed the same way on every attempt (a bug or data the rules cannot take, not an outage). */
        HANDLING_FAILED
    }

    private final Reason reason;

    public PoisonRecordException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
