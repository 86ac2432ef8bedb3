package org.junheng.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junheng.infra.DevTokens;

/** The services' public HTTP API, as a client sees it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = DevTokens.admin();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, String etag, JsonNode body) {
    }

    private Api() {
    }

    static JsonNode get(String url) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + url + " → " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    static Answer getAnswer(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    static Answer getAnswer(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    static Answer post(String url, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    static Answer put(String url, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    static Answer postBytes(String url, String contentType, byte[] body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** The bearer token of {@code subject;role;department} with a display name. */
    /** Files as a browser uploads them ({@code multipart/form-data}, field {@code file}, names in UTF-8). */
    static Answer upload(String url, Map<String, String> headers, String fileName, byte[] content) {
        String boundary = "----junheng-e2e-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return postBytes(url, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
    }

    /** The smallest file Excel opens that the evidence check takes for XLSX (a package with its workbook part). */
    static byte[] xlsx() {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            for (String part : List.of("[Content_Types].xml", "xl/workbook.xml")) {
                out.putNextEntry(new java.util.zip.ZipEntry(part));
                out.write("<?xml version=\"1.0\"?><x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return zip.toByteArray();
    }

    /** A page (HTML, CSV …) as text, with its headers; as the administrator. */
    static HttpResponse<String> page(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> actor(String header, String name) {
        return Map.of("Authorization", "Bearer " + DevTokens.forActor(header, name));
    }

    private static Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        if (!headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + ADMIN);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
