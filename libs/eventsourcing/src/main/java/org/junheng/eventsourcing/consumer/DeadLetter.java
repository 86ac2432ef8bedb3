package org.junheng.eventsourcing.consumer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

/** A parked record: where it was on its topic, what it held, why it was parked, and what became of it. */
public record DeadLetter(long id, String consumer, String topic, int partition, long offset, String key,
                         List<Header> headers, byte[] value, PoisonRecordException.Reason reason, String error,
                         int attempts, OffsetDateTime parkedAt, Status status, OffsetDateTime resolvedAt,
                         String resolvedBy, String resolution) {

    public enum Status { PARKED, RETRIED, DISCARDED }

    /** A record header; the value as it was sent (bytes). */
    public record Header(String key, byte[] value) {

        /** The value as text when it is UTF-8 without control characters, else null. */
        public String text() {
            return DeadLetter.text(value);
        }

        public String base64() {
            return value == null ? null : Base64.getEncoder().encodeToString(value);
        }
    }

    /** The value as text when it is UTF-8 without NUL or other control characters (bar tab and newlines), else null. */
    public static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
