package org.junheng.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the four services' OpenAPI documents, called as an administrator with hostile input — NUL
 * characters, lone surrogates, nulls in lists, absurd dates, trailing garbage, truncated and mistyped bodies, hostile
 * path and query values — on loopback, seeded and bounded. No answer may be a 5xx: new endpoints are covered as soon
 * as they are documented.
 */
class FuzzTest {

    static final long SEED = 20261203L;
    static final List<String> PATH_VALUES = List.of("500104", "ab%00", "%2B999999999-12-31", "..%2F..%2Fetc",
            "x".repeat(300), "-1", "00000000-0000-0000-0000-000000000000", "%ED%A0%BD", "2150473309");
    static final List<String> QUERY = List.of("district=500104&school=ab%00", "asOf=%2B999999999-12-31",
            "asOf=1800-01-01", "limit=-1", "limit=99999999999", "status=%00", "district=%22%3B--", "after=x",
            "period=2024a", "kind=NOPE");
    static final List<String> BODIES = List.of("", "{", "{} trailing", "[]", "null", "\"text\"", "42",
            "{\"district\": \"500104\", \"title\": \"a\\u0000b\", \"body\": \"\\ud83d\"}",
            "{\"district\": \"500104\", \"findingIds\": [null], \"taskIds\": [null], \"schoolCodes\": [null],"
                    + " \"kinds\": [null]}",
            "{\"plannedCompletion\": \"+999999999-12-31\", \"dueDate\": \"0000-01-01\", \"asOf\": \"9999999-01-01\"}",
            "{\"statistics\": {\"sections\": [null]}, \"reason\": \"\\u0000\"}",
            "{\"a\":" .repeat(200) + "1" + "}".repeat(200));

    @Test
    void noHostileInputToAnyDocumentedOperationIsAServerError() throws Exception {
        try (PrivateInfrastructure infra = new PrivateInfrastructure("fuzz");
             Cluster cluster = new Cluster(infra.quarkusConfig(), 1, "fuzz-logs")) {
            cluster.startAll();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Random random = new Random(SEED);
            List<String> serverErrors = new ArrayList<>();
            int requests = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            for (String service : Cluster.SERVICES) {
                String base = cluster.url(service);
                for (String operation : AuthorizationMatrix.documented(service, base)) {
                    String[] parts = operation.split(" ", 3);
                    String method = parts[1];
                    String template = parts[2];
                    for (int round = 0; round < 6 && System.nanoTime() < deadline; round++) {
                        String path = template.replaceAll("\\{[^}]+}",
                                PATH_VALUES.get(random.nextInt(PATH_VALUES.size())));
                        String query = QUERY.get(random.nextInt(QUERY.size()));
                        String body = BODIES.get(random.nextInt(BODIES.size()));
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + "?" + query))
                                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + Api.ADMIN)
                                .header("If-Match", "\"1\"");
                        if (method.equals("GET") || method.equals("DELETE")) {
                            request.method(method, HttpRequest.BodyPublishers.noBody());
                        } else {
                            String type = template.endsWith("/imports") || template.contains("evidence")
                                    ? "multipart/form-data; boundary=fuzz" : "application/json";
                            byte[] bytes = type.startsWith("multipart")
                                    ? ("--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                                    + "\r\n" + body).getBytes(StandardCharsets.UTF_8)
                                    : body.getBytes(StandardCharsets.UTF_8);
                            request.header("Content-Type", type).method(method,
                                    HttpRequest.BodyPublishers.ofByteArray(bytes));
                        }
                        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        requests++;
                        if (answer.statusCode() >= 500) {
                            serverErrors.add(answer.statusCode() + " " + method + " " + path + "?" + query + " body "
                                    + body.substring(0, Math.min(60, body.length())) + " → "
                                    + answer.body().substring(0, Math.min(200, answer.body().length())));
                        }
                    }
                }
            }
            System.out.println("FuzzTest: " + requests + " requests, seed " + SEED);
            assertTrue(requests > 200, "every documented operation was called: " + requests);
            assertEquals(List.of(), serverErrors);
            assertTrue(cluster.allReady(), "and every service is still ready");
        }
    }
}
