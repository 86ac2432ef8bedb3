package org.junheng.eventsourcing.consumer;

/**
 * A record that no retry can make handleable as it is: it is parked, and the consumer goes on with the next record.
 */
public final class PoisonRecordException extends RuntimeException {

    /** Why a record was parked, with the words an official reads. */
    public enum Reason {
        /** Not a CloudEvent in Kafka binary mode (missing or malformed {@code ce_*} headers), or no value at all. */
        NOT_A_CLOUDEVENT("格式不符，不是系统发出的消息"),
        /** A CloudEvents type that the event catalogue of this version does not know. */
        UNKNOWN_TYPE("消息类型未知，可能需要升级本服务"),
        /** A known type whose payload is not JSON, breaks its JSON Schema or does not map onto the event. */
        INVALID_PAYLOAD("消息内容无效"),
        /** A value larger than the consumer accepts. */
        TOO_LARGE("消息过大"),
        /** Handling failed the same way on every attempt (a bug or data the rules cannot take, not an outage). */
        HANDLING_FAILED("多次处理失败");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
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
