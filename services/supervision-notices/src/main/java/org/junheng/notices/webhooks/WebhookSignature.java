package org.junheng.notices.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures in the Standard Webhooks style (https://www.standardwebhooks.com), so subscribers can verify
 * deliveries with any of its libraries: the secret is {@code whsec_} + base64 of random bytes; a delivery carries
 * {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and {@code webhook-signature} = {@code v1,} +
 * base64(HMAC-SHA256(secret bytes, id + "." + timestamp + "." + body)). Several signatures separated by spaces are
 * allowed, so a secret can be rotated without a gap.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    public static final String SECRET_PREFIX = "whsec_";
    /** Standard Webhooks asks for 24 to 64 bytes; 32 matches the HMAC-SHA256 block strength. */
    public static final int SECRET_BYTES = 32;
    /** The replay window receivers apply by default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v1";
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** Why a delivery was accepted or not; only {@link #VALID} is accepted. */
    public enum Verification {
        VALID,
        MISSING_HEADER,
        MALFORMED_TIMESTAMP,
        TIMESTAMP_TOO_OLD,
        TIMESTAMP_IN_FUTURE,
        NO_MATCHING_SIGNATURE;

        public boolean isValid() {
            return this == VALID;
        }
    }

    /** A fresh secret for a new subscription: {@code whsec_} + base64 of {@value #SECRET_BYTES} random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The three headers of one delivery attempt, in order: {@code webhook-id}, {@code webhook-timestamp},
     * {@code webhook-signature}. The id stays the same across retries (receivers deduplicate by it, so we use the
     * notice id); the timestamp is the attempt's.
     */
    public static Map<String, String> sign(String secret, String messageId, Instant timestamp, byte[] body) {
        Objects.requireNonNull(messageId, "messageId");
        long seconds = timestamp.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(seconds));
        headers.put(SIGNATURE, VERSION + "," + signature(secretBytes(secret), messageId, seconds, body));
        return headers;
    }

    public static Map<String, String> sign(String secret, String messageId, Instant timestamp, String body) {
        return sign(secret, messageId, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks a received delivery: all three headers present (names case-insensitive), the timestamp within
     * {@code tolerance} of {@code now} either way, and at least one {@code v1} signature equal, compared in constant
     * time, to the one computed over exactly the bytes received.
     */
    public static Verification verify(String secret, Map<String, String> headers, byte[] body, Instant now,
                                      Duration tolerance) {
        String id = header(headers, ID);
        String timestamp = header(headers, TIMESTAMP);
        String signatures = header(headers, SIGNATURE);
        if (id == null || timestamp == null || signatures == null) {
            return Verification.MISSING_HEADER;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verification.MALFORMED_TIMESTAMP;
        }
        long toleranceSeconds = tolerance.getSeconds();
        if (seconds < now.getEpochSecond() - toleranceSeconds) {
            return Verification.TIMESTAMP_TOO_OLD;
        }
        if (seconds > now.getEpochSecond() + toleranceSeconds) {
            return Verification.TIMESTAMP_IN_FUTURE;
        }
        byte[] expected = signature(secretBytes(secret), id, seconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : signatures.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals(VERSION)) {
                continue; // other schemes (v1a asymmetric) are not ours to check
            }
            byte[] given = candidate.substring(comma + 1).getBytes(StandardCharsets.US_ASCII);
            // no early exit: every candidate is compared, each in constant time
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched ? Verification.VALID : Verification.NO_MATCHING_SIGNATURE;
    }

    public static Verification verify(String secret, Map<String, String> headers, String body, Instant now,
                                      Duration tolerance) {
        return verify(secret, headers, body.getBytes(StandardCharsets.UTF_8), now, tolerance);
    }

    /** The secret's key bytes: base64 after the optional {@code whsec_} prefix. */
    static byte[] secretBytes(String secret) {
        Objects.requireNonNull(secret, "secret");
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static String signature(byte[] key, String messageId, long seconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update((messageId + "." + seconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
