package org.junheng.notices.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junheng.notices.webhooks.WebhookSignature.Verification;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final Instant SENT = Instant.ofEpochSecond(1614265330);
    static final String BODY = "{\"test\": 2432232314}";
    static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    /** HMAC-SHA256 over {@code id.timestamp.body} with the base64-decoded secret, computed without the class under test. */
    static String independentSignature(String secret, String id, long timestamp, String body) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(digest);
    }

    @Test
    void signsWithTheThreeStandardHeaders() throws Exception {
        Map<String, String> headers = WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY);
        assertEquals(List.of("webhook-id", "webhook-timestamp", "webhook-signature"), List.copyOf(headers.keySet()));
        assertEquals(MESSAGE_ID, headers.get("webhook-id"));
        assertEquals("1614265330", headers.get("webhook-timestamp"));
        assertEquals(independentSignature(SECRET, MESSAGE_ID, 1614265330L, BODY), headers.get("webhook-signature"));
    }

    @Test
    void matchesThePublishedStandardWebhooksVector() {
        // the example of the Standard Webhooks reference libraries: same secret, id, timestamp and payload
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY).get("webhook-signature"));
    }

    @Test
    void signsChineseBodiesAsUtf8() throws Exception {
        String body = "{\"title\":\"逾期预警：重庆市大渡口区实验小学\"}";
        assertEquals(independentSignature(SECRET, MESSAGE_ID, 1614265330L, body),
                WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, body).get("webhook-signature"));
    }

    @Test
    void acceptsWhatItSignedWithinTheTolerance() {
        Map<String, String> headers = WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY);
        assertEquals(Verification.VALID, WebhookSignature.verify(SECRET, headers, BODY, SENT, TOLERANCE));
        assertEquals(Verification.VALID,
                WebhookSignature.verify(SECRET, headers, BODY, SENT.plus(TOLERANCE), TOLERANCE));
        assertEquals(Verification.VALID,
                WebhookSignature.verify(SECRET, headers, BODY, SENT.minus(TOLERANCE), TOLERANCE));
    }

    @Test
    void rejectsATamperedBodyOrAnotherSecretOrAnotherId() {
        Map<String, String> headers = WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY);
        assertEquals(Verification.NO_MATCHING_SIGNATURE,
                WebhookSignature.verify(SECRET, headers, "{\"test\": 2432232315}", SENT, TOLERANCE));
        assertEquals(Verification.NO_MATCHING_SIGNATURE,
                WebhookSignature.verify(WebhookSignature.newSecret(), headers, BODY, SENT, TOLERANCE));
        Map<String, String> otherId = new HashMap<>(headers);
        otherId.put("webhook-id", "msg_other");
        assertEquals(Verification.NO_MATCHING_SIGNATURE,
                WebhookSignature.verify(SECRET, otherId, BODY, SENT, TOLERANCE));
    }

    @Test
    void rejectsAReplayedOldDeliveryAndOneFromTheFuture() {
        Map<String, String> headers = WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY);
        assertEquals(Verification.TIMESTAMP_TOO_OLD, WebhookSignature.verify(SECRET, headers, BODY,
                SENT.plus(TOLERANCE).plusSeconds(1), TOLERANCE));
        assertEquals(Verification.TIMESTAMP_IN_FUTURE, WebhookSignature.verify(SECRET, headers, BODY,
                SENT.minus(TOLERANCE).minusSeconds(1), TOLERANCE));
    }

    @Test
    void rejectsATimestampMovedToLookFresh() {
        Map<String, String> headers = new HashMap<>(WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY));
        Instant later = SENT.plus(Duration.ofHours(1));
        headers.put("webhook-timestamp", Long.toString(later.getEpochSecond()));
        assertEquals(Verification.NO_MATCHING_SIGNATURE, WebhookSignature.verify(SECRET, headers, BODY, later, TOLERANCE));
    }

    @Test
    void acceptsAnyOfSeveralSignaturesSoSecretsCanRotate() throws Exception {
        String oldSecret = WebhookSignature.newSecret();
        String rotated = independentSignature(oldSecret, MESSAGE_ID, 1614265330L, BODY) + " v1a,notours "
                + independentSignature(SECRET, MESSAGE_ID, 1614265330L, BODY);
        Map<String, String> headers = Map.of("webhook-id", MESSAGE_ID, "webhook-timestamp", "1614265330",
                "webhook-signature", rotated);
        assertEquals(Verification.VALID, WebhookSignature.verify(SECRET, headers, BODY, SENT, TOLERANCE));
        assertEquals(Verification.VALID, WebhookSignature.verify(oldSecret, headers, BODY, SENT, TOLERANCE));
        Map<String, String> onlyOthers = Map.of("webhook-id", MESSAGE_ID, "webhook-timestamp", "1614265330",
                "webhook-signature", "v1a," + independentSignature(SECRET, MESSAGE_ID, 1614265330L, BODY).substring(3));
        assertEquals(Verification.NO_MATCHING_SIGNATURE,
                WebhookSignature.verify(SECRET, onlyOthers, BODY, SENT, TOLERANCE));
    }

    @Test
    void readsHeaderNamesCaseInsensitively() {
        Map<String, String> signed = WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY);
        Map<String, String> asReceived = Map.of("Webhook-Id", signed.get("webhook-id"),
                "Webhook-Timestamp", signed.get("webhook-timestamp"), "WEBHOOK-SIGNATURE", signed.get("webhook-signature"));
        assertEquals(Verification.VALID, WebhookSignature.verify(SECRET, asReceived, BODY, SENT, TOLERANCE));
    }

    @Test
    void reportsMissingHeadersAndMalformedTimestamps() {
        Map<String, String> signed = WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY);
        Map<String, String> missing = new HashMap<>(signed);
        missing.remove("webhook-signature");
        assertEquals(Verification.MISSING_HEADER, WebhookSignature.verify(SECRET, missing, BODY, SENT, TOLERANCE));
        Map<String, String> malformed = new HashMap<>(signed);
        malformed.put("webhook-timestamp", "2021-02-25T15:02:10Z");
        assertEquals(Verification.MALFORMED_TIMESTAMP,
                WebhookSignature.verify(SECRET, malformed, BODY, SENT, TOLERANCE));
        assertTrue(WebhookSignature.verify(SECRET, signed, BODY, SENT, TOLERANCE).isValid());
    }

    @Test
    void newSecretsAreWhsecPrefixedRandomAndLongEnough() {
        String first = WebhookSignature.newSecret();
        String second = WebhookSignature.newSecret();
        assertTrue(first.startsWith("whsec_"), first);
        assertTrue(Base64.getDecoder().decode(first.substring(6)).length >= 24);
        assertNotEquals(first, second);
    }

    @Test
    void aSecretWithoutThePrefixSignsTheSame() {
        assertEquals(WebhookSignature.sign(SECRET, MESSAGE_ID, SENT, BODY),
                WebhookSignature.sign(SECRET.substring(6), MESSAGE_ID, SENT, BODY));
    }
}
