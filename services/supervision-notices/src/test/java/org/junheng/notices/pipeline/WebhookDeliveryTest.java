package org.junheng.notices.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.notices.webhooks.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks against a real HTTP receiver: retried until delivered, signed, once; dead letters and redelivery. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class WebhookDeliveryTest {

    /** One request as the receiver saw it. */
    record Received(int answered, Map<String, String> headers, String body) {
    }

    HttpServer receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static Map<String, String> headers(com.sun.net.httpserver.HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        return headers;
    }

    /** The local receivers' server, started on first use. */
    HttpServer server() throws Exception {
        if (receiver == null) {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            receiver.start();
        }
        return receiver;
    }

    /** A receiver answering 500 to the first {@code failures} requests on a path, then 200. */
    String receiver(String path, AtomicInteger failures, List<Received> received) throws Exception {
        HttpServer receiver = server();
        receiver.createContext(path, exchange -> {
            Map<String, String> headers = headers(exchange);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failures.getAndDecrement() > 0 ? 500 : 200;
            received.add(new Received(status, headers, body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void aReceiverThatFailsThreeTimesThenSucceedsGetsTheNoticeOnceWithAValidSignature() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = receiver("/hook", new AtomicInteger(3), received);
        var subscription = given().contentType("application/json")
                .body("{\"district\": \"500188\", \"audience\": {\"kind\": \"DEPARTMENT\", \"code\": \"cz\"}, \"url\": \""
                        + url + "\"}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        String secret = subscription.getString("secret");
        assertTrue(secret.startsWith("whsec_"));

        String noticeId = given().contentType("application/json")
                .body("{\"district\": \"500188\", \"audience\": {\"kind\": \"DEPARTMENT\", \"code\": \"cz\"},"
                        + " \"kind\": \"SUPERVISION_ORDER\", \"severity\": \"WARNING\", \"title\": \"督办通知\","
                        + " \"body\": \"请于5日内报送教师培训经费整改方案\"}")
                .post("/api/v1/notices").then().statusCode(200).extract().jsonPath().getString("noticeId");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(r -> r.answered() == 200));
        // nothing more may arrive after the success
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == 4);
        assertEquals(List.of(500, 500, 500, 200), received.stream().map(Received::answered).toList());
        assertTrue(received.stream().allMatch(r -> noticeId.equals(r.headers().get("webhook-id"))),
                "every attempt carries the notice id, so the receiver can de-duplicate");
        Received delivered = received.get(3);
        assertEquals(WebhookSignature.Verification.VALID, WebhookSignature.verify(secret, delivered.headers(),
                delivered.body(), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE));
        assertTrue(delivered.body().contains("请于5日内报送"));
        assertEquals(WebhookSignature.Verification.NO_MATCHING_SIGNATURE, WebhookSignature.verify(secret,
                delivered.headers(), delivered.body().replace("5日", "50日"), Instant.now(),
                WebhookSignature.DEFAULT_TOLERANCE));

        given().get("/api/v1/webhooks/" + subscription.getString("subscriptionId") + "/deliveries").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].status", equalTo("DELIVERED"))
                .body("[0].attempts", equalTo(4));
        given().get("/api/v1/webhooks?district=500188").then().body("[0].secret", org.hamcrest.Matchers.nullValue());
    }

    /** A group robot: answers 200 with the next of {@code answers} (the last one again when they run out). */
    String robot(String path, java.util.function.Function<com.sun.net.httpserver.HttpExchange, String> answer,
                 List<Received> received) throws Exception {
        HttpServer receiver = server();
        receiver.createContext(path, exchange -> {
            Map<String, String> headers = headers(exchange);
            headers.put("query", exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] reply = answer.apply(exchange).getBytes(StandardCharsets.UTF_8);
            received.add(new Received(200, headers, body));
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    static String notice(String district, String title) {
        return "{\"district\": \"" + district + "\", \"audience\": {\"kind\": \"DEPARTMENT\", \"code\": \"cz\"},"
                + " \"kind\": \"SUPERVISION_ORDER\", \"severity\": \"CRITICAL\", \"title\": \"" + title + "\","
                + " \"body\": \"请于5日内报送教师培训经费整改方案\", \"documentNumber\": \"大渡口教督〔2025〕12号\"}";
    }

    @Test
    void aWeComRobotGetsMarkdownAndARefusalDespiteHttp200IsRetried() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger limited = new AtomicInteger(1);
        String url = robot("/cgi-bin/webhook/send", exchange -> limited.getAndDecrement() > 0
                ? "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}" : "{\"errcode\":0,\"errmsg\":\"ok\"}",
                received) + "?key=693a91f6-7xxx";
        given().contentType("application/json").body("{\"district\": \"500166\", \"url\": \"" + url.replace("?key=693a91f6-7xxx", "")
                + "\", \"format\": \"WECOM\"}").post("/api/v1/webhooks").then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        var subscription = given().contentType("application/json").body("{\"district\": \"500166\", \"audience\":"
                        + " {\"kind\": \"DEPARTMENT\", \"code\": \"cz\"}, \"url\": \"" + url + "\", \"format\": \"WECOM\"}")
                .post("/api/v1/webhooks").then().statusCode(201).body("secret", org.hamcrest.Matchers.nullValue())
                .body("formatLabel", equalTo("企业微信群机器人")).extract().jsonPath();
        given().contentType("application/json").body(notice("500166", "督办通知：教师培训经费")).post("/api/v1/notices")
                .then().statusCode(200);

        String deliveries = "/api/v1/webhooks/" + subscription.getString("subscriptionId") + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(given().get(deliveries).jsonPath()
                .getString("[0].status")));
        given().get(deliveries).then().body("[0].attempts", equalTo(2));
        assertEquals(2, received.size(), "refused once (rate limit), then delivered, nothing after");
        assertEquals("key=693a91f6-7xxx", received.get(1).headers().get("query"));
        var message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(received.get(1).body());
        assertEquals("markdown", message.path("msgtype").asText());
        String content = message.path("markdown").path("content").asText();
        assertTrue(content.startsWith("**【督办通知】督办通知：教师培训经费**") && content.contains("文号：大渡口教督〔2025〕12号")
                && content.contains("请于5日内报送"), content);
        assertEquals(null, received.get(1).headers().get("webhook-signature"), "robots get no Standard Webhooks headers");
    }

    @Test
    void aDingTalkRobotWithASecretGetsEveryMessageSignedOnItsUrl() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String secret = "SEC" + "0123456789abcdef".repeat(4);
        // the robot's own check: timestamp within an hour, sign of "timestamp\nsecret"
        String url = robot("/robot/send", exchange -> {
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            long timestamp = Long.parseLong(query.getOrDefault("timestamp", "0"));
            boolean valid = Math.abs(System.currentTimeMillis() - timestamp) < 3_600_000
                    && org.junheng.notices.webhooks.RobotMessagesAccess.sign(secret, timestamp).equals(query.get("sign"));
            return valid ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
        }, received) + "?access_token=t0k3n";
        given().contentType("application/json").body("{\"district\": \"500155\", \"url\": \"" + url
                + "\", \"format\": \"DINGTALK\", \"robotSecret\": \"not-a-secret\"}").post("/api/v1/webhooks").then()
                .statusCode(400).body("errors[0].field", equalTo("robotSecret"));
        String subscription = given().contentType("application/json").body("{\"district\": \"500155\", \"url\": \""
                        + url + "\", \"format\": \"DINGTALK\", \"robotSecret\": \"" + secret + "\"}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getString("subscriptionId");
        given().contentType("application/json").body(notice("500155", "督办通知：生均公用经费")).post("/api/v1/notices")
                .then().statusCode(200);
        String deliveries = "/api/v1/webhooks/" + subscription + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(given().get(deliveries).jsonPath()
                .getString("[0].status")));
        given().get(deliveries).then().body("[0].attempts", equalTo(1));
        var message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(received.get(0).body());
        assertEquals("【督办通知】督办通知：生均公用经费", message.path("markdown").path("title").asText());
        given().get("/api/v1/webhooks?district=500155").then().body("[0].format", equalTo("DINGTALK"))
                .body("[0].secret", org.hamcrest.Matchers.nullValue())
                .body("[0].url", org.hamcrest.Matchers.endsWith("/robot/send?access_token=t0k3…"));
    }

    @Test
    void aReceiverThatNeverAnswersEndsInTheDeadLetterAndCanBeRedelivered() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger(1000);
        String url = receiver("/down", failures, received);
        String subscription = given().contentType("application/json")
                .body("{\"district\": \"500177\", \"url\": \"" + url + "\"}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getString("subscriptionId");
        given().contentType("application/json").body("{\"district\": \"500177\", \"audience\": {\"kind\":"
                        + " \"SUPERVISION_OFFICE\"}, \"kind\": \"REMINDER\", \"severity\": \"INFO\", \"title\": \"通报\","
                        + " \"body\": \"第1期\"}").post("/api/v1/notices").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/webhooks/" + subscription
                + "/deliveries?status=DEAD").jsonPath().getList("$").size() == 1);
        assertEquals(5, received.size(), "max attempts, then dead");
        long delivery = given().get("/api/v1/webhooks/" + subscription + "/deliveries?status=DEAD").jsonPath()
                .getLong("[0].deliveryId");

        // somebody else's delivery looks exactly like one that does not exist
        String foreign = "Bearer " + org.junheng.infra.DevTokens.token("u-far", "u-far", "supervisor",
                List.of("500199"), null, Duration.ofMinutes(5));
        String problemType = "https://junheng.org/problems/delivery-not-found";
        given().header("Authorization", foreign).post("/api/v1/webhooks/deliveries/" + delivery + "/redeliver").then()
                .statusCode(404).body("type", equalTo(problemType))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(subscription)));
        given().post("/api/v1/webhooks/deliveries/" + (delivery + 1_000_000) + "/redeliver").then()
                .statusCode(404).body("type", equalTo(problemType));

        failures.set(0); // the receiver is back
        given().post("/api/v1/webhooks/deliveries/" + delivery + "/redeliver").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(given().get("/api/v1/webhooks/"
                + subscription + "/deliveries").jsonPath().getString("[0].status")));
        given().contentType("application/json").body("{\"district\": \"500177\", \"url\": \"ftp://x\"}")
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
    }

    /** A receiver on its own server that takes {@code delay} to answer 200, noting when each request arrived. */
    HttpServer slow;

    @AfterEach
    void stopSlow() {
        if (slow != null) {
            slow.stop(0);
        }
    }

    @Test
    void aReceiverTakingSevenSecondsDelaysNobodyElse() throws Exception {
        slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slow.createContext("/slow", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(7000); // the receiver's own slowness, not the test waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slow.start();
        List<Instant> fastArrivals = new CopyOnWriteArrayList<>();
        List<Received> fast = new CopyOnWriteArrayList<>();
        String fastUrl = receiver("/fast", new AtomicInteger(0), fast);
        String district = "500166";
        for (String url : List.of("http://127.0.0.1:" + slow.getAddress().getPort() + "/slow", fastUrl)) {
            given().contentType("application/json").body("{\"district\": \"" + district + "\", \"url\": \"" + url + "\"}")
                    .post("/api/v1/webhooks").then().statusCode(201);
        }
        // the fast receiver's latency while the slow one is being called, against its latency alone
        Duration alone = timeToFast(district, "第1期", fast);
        Duration beside = timeToFast(district, "第2期", fast);
        assertTrue(beside.minus(alone).toMillis() < 500, "alone " + alone + ", beside a 7 s receiver " + beside);
    }

    /** Issues a notice to the district and returns how long until the fast receiver has it. */
    private Duration timeToFast(String district, String label, List<Received> fast) {
        int before = fast.size();
        Instant issued = Instant.now();
        given().contentType("application/json").body("{\"district\": \"" + district + "\", \"audience\": {\"kind\":"
                + " \"SUPERVISION_OFFICE\"}, \"kind\": \"REMINDER\", \"severity\": \"INFO\", \"title\": \"通报\","
                + " \"body\": \"" + label + "\"}").post("/api/v1/notices").then().statusCode(200);
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(10)).until(() -> fast.size() > before);
        return Duration.between(issued, Instant.now());
    }

    @Test
    void internalAddressesAreRefusedAtRegistrationWithoutSayingWhatIsThere() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://[::1]:9084/", "http://2130706433/",
                "http://localhost:9081/q/health", "http://10.0.0.7/hook", "http://[fd00::1]/hook")) {
            given().contentType("application/json").body("{\"district\": \"500155\", \"url\": \"" + url + "\"}")
                    .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"))
                    .body("errors[0].reason", org.hamcrest.Matchers.containsString("公网"));
        }
    }

    @Test
    void deletingASubscriptionCancelsItsPendingRetries() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = receiver("/gone", new AtomicInteger(1000), received);
        String subscription = given().contentType("application/json")
                .body("{\"district\": \"500144\", \"url\": \"" + url + "\"}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getString("subscriptionId");
        given().contentType("application/json").body("{\"district\": \"500144\", \"audience\": {\"kind\":"
                + " \"SUPERVISION_OFFICE\"}, \"kind\": \"REMINDER\", \"severity\": \"INFO\", \"title\": \"通报\","
                + " \"body\": \"第3期\"}").post("/api/v1/notices").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 1);
        given().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        int sent = received.size();
        // a retry is due every 0.2 s in tests: none may come any more
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> received.size() <= sent + 1);
        int settled = received.size();
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == settled);
        given().get("/api/v1/webhooks/" + subscription + "/deliveries?status=CANCELLED").then().statusCode(200)
                .body("size()", equalTo(1));
    }
}
