package org.junheng.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junheng.contracts.Role;
import org.junheng.infra.DevTokens;
import org.junheng.service.AccessRule;

/**
 * Every endpoint of the services, each called by every kind of caller: allowed (the request gets past authorization
 * to the answer it deserves: 200, or the 400/412 its deliberately stale or incomplete request earns, so nothing
 * changes), refused (403), or not there at all (404: another district's, department's or school's resource looks
 * exactly like one that does not exist), and 401 without a token. The operations are checked against the services'
 * OpenAPI documents, so a new endpoint without a row fails the test.
 */
final class AuthorizationMatrix {

    /** Who calls: the first district's people, then a foreign district's. */
    enum Persona {
        ANONYMOUS, ADMIN, SUPERVISOR, LEADER, CITY_SUPERVISOR,
        /** leads the task under test */
        LEAD_DEPARTMENT,
        /** co-responsible for the task under test */
        HELPING_DEPARTMENT,
        /** a department of the district with no part in the task under test */
        OTHER_DEPARTMENT,
        /** the school of the task and finding under test */
        OWN_SCHOOL,
        /** another school of the district */
        OTHER_SCHOOL,
        FOREIGN_SUPERVISOR, FOREIGN_DEPARTMENT,
        /** a token of the district with no role of the standard */
        ROLELESS,
        /** a department token of the district without its {@code dept} claim (a {@code school} claim instead) */
        DEPARTMENT_WITHOUT_CODE
    }

    /** Callers to whom nothing of the district exists: a foreign district's, and tokens the provider got wrong. */
    static final Set<Persona> FOREIGN = EnumSet.of(Persona.FOREIGN_SUPERVISOR, Persona.FOREIGN_DEPARTMENT,
            Persona.ROLELESS, Persona.DEPARTMENT_WITHOUT_CODE);
    static final Set<Persona> IN_DISTRICT = EnumSet.range(Persona.ADMIN, Persona.OTHER_SCHOOL);
    static final Set<Persona> ANY_TOKEN = EnumSet.range(Persona.ADMIN, Persona.DEPARTMENT_WITHOUT_CODE);

    /** One operation and what each persona gets from it. */
    static final class Operation {
        final String service;
        final String method;
        final String template;
        final String url;
        String contentType = "application/json";
        byte[] body;
        final Map<String, String> headers = new LinkedHashMap<>();
        Set<Integer> okStatuses = Set.of(200);
        final Set<Persona> allowed = EnumSet.noneOf(Persona.class);
        final Set<Persona> hidden = EnumSet.noneOf(Persona.class);
        boolean stream;
        boolean districtScoped = true;

        Operation(String service, String method, String template, String url) {
            this.service = service;
            this.method = method;
            this.template = template;
            this.url = url;
        }

        Operation json(String json) {
            this.body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Operation multipart(String boundary, byte[] content) {
            this.contentType = "multipart/form-data; boundary=" + boundary;
            this.body = content;
            return this;
        }

        Operation ifMatch(String version) {
            headers.put("If-Match", "\"" + version + "\"");
            return this;
        }

        Operation ok(Integer... statuses) {
            this.okStatuses = Set.of(statuses);
            return this;
        }

        Operation allow(Set<Persona> personas) {
            allowed.addAll(personas);
            return this;
        }

        Operation allow(Persona... personas) {
            allowed.addAll(List.of(personas));
            return this;
        }

        /** Personas for whom the resource does not exist (404 rather than 403), even if allowed above. */
        Operation hidden(Persona... personas) {
            List.of(personas).forEach(allowed::remove);
            hidden.addAll(List.of(personas));
            return this;
        }

        /** Everyone not allowed gets 404: the resource is addressed to the allowed ones only. */
        Operation hiddenFromOthers() {
            for (Persona persona : ANY_TOKEN) {
                if (!allowed.contains(persona)) {
                    hidden.add(persona);
                }
            }
            return this;
        }

        /** Not about a district (standards, templates, administration): a foreign caller is refused, not misled. */
        Operation global() {
            this.districtScoped = false;
            return this;
        }

        Operation sse() {
            this.stream = true;
            return this;
        }

        String key() {
            return service + " " + method + " " + template;
        }

        Set<Integer> expected(Persona persona) {
            if (persona == Persona.ANONYMOUS) {
                return Set.of(401);
            }
            if (allowed.contains(persona)) {
                return okStatuses;
            }
            return hidden.contains(persona) || districtScoped && FOREIGN.contains(persona) ? Set.of(404) : Set.of(403);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    private final List<Operation> operations = new ArrayList<>();

    /**
     * @param district        the district whose people the personas are
     * @param foreign         another district
     * @param leadDepartment  the lead department of the task under test (its {@code dept} code)
     * @param helping         a co-responsible department of that task
     * @param other           a department with no part in it
     * @param ownSchool       the school of the task and finding under test
     * @param otherSchool     another school of the district
     */
    AuthorizationMatrix(String district, String foreign, String leadDepartment, String helping, String other,
                        String ownSchool, String otherSchool) {
        Duration ttl = Duration.ofHours(1);
        tokens.put(Persona.ADMIN, DevTokens.admin());
        tokens.put(Persona.SUPERVISOR, DevTokens.token("m-sup", "王督学", "supervisor", List.of(district), null, ttl));
        tokens.put(Persona.LEADER, DevTokens.token("m-lead", "区领导", "leader", List.of(district), null, ttl));
        // a city supervisor's claim lists several districts
        tokens.put(Persona.CITY_SUPERVISOR, DevTokens.token("m-city", "市督学", "city-supervisor",
                List.of(district, "500108"), null, ttl));
        tokens.put(Persona.LEAD_DEPARTMENT, DevTokens.token("m-" + leadDepartment, leadDepartment, "department",
                List.of(district), leadDepartment, ttl));
        tokens.put(Persona.HELPING_DEPARTMENT, DevTokens.token("m-" + helping, helping, "department",
                List.of(district), helping, ttl));
        tokens.put(Persona.OTHER_DEPARTMENT, DevTokens.token("m-" + other, other, "department",
                List.of(district), other, ttl));
        tokens.put(Persona.OWN_SCHOOL, DevTokens.token("m-" + ownSchool, ownSchool, "school", List.of(district),
                ownSchool, ttl));
        tokens.put(Persona.OTHER_SCHOOL, DevTokens.token("m-" + otherSchool, otherSchool, "school",
                List.of(district), otherSchool, ttl));
        tokens.put(Persona.FOREIGN_SUPERVISOR, DevTokens.token("m-far-sup", "外区督学", "supervisor",
                List.of(foreign), null, ttl));
        tokens.put(Persona.ROLELESS, DevTokens.token("m-visitor", "访客", "visitor", List.of(district), null, ttl));
        // a department token with no dept claim but a school claim: the school claim must not stand in for it
        Map<String, Object> noDept = DevTokens.claims("m-nodept", "无代码部门", "department", List.of(district), null, ttl);
        noDept.put("school", ownSchool);
        tokens.put(Persona.DEPARTMENT_WITHOUT_CODE, DevTokens.sign(noDept));
        tokens.put(Persona.FOREIGN_DEPARTMENT, DevTokens.token("m-far-" + leadDepartment, "外区" + leadDepartment,
                "department", List.of(foreign), leadDepartment, ttl));
    }

    Operation add(String service, String baseUrl, String method, String template, String path) {
        Operation operation = new Operation(service, method, template, baseUrl + path);
        operations.add(operation);
        return operation;
    }

    List<Operation> operations() {
        return operations;
    }

    /** The operations a service's OpenAPI document lists under /api, as "service METHOD template". */
    static Set<String> documented(String service, String baseUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " serves no OpenAPI document: " + response.statusCode());
        }
        Set<String> documented = new TreeSet<>();
        JsonNode paths = Api.JSON.readTree(response.body()).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    documented.add(service + " " + method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return documented;
    }

    /** The role a persona's token acts in; empty for nobody and for a token without a role of the standard. */
    static java.util.Optional<Role> role(Persona persona) {
        return java.util.Optional.ofNullable(switch (persona) {
            case ADMIN -> Role.ADMIN;
            case SUPERVISOR, FOREIGN_SUPERVISOR -> Role.SUPERVISOR;
            case LEADER -> Role.LEADER;
            case CITY_SUPERVISOR -> Role.CITY_SUPERVISOR;
            case LEAD_DEPARTMENT, HELPING_DEPARTMENT, OTHER_DEPARTMENT, FOREIGN_DEPARTMENT, DEPARTMENT_WITHOUT_CODE ->
                    Role.DEPARTMENT;
            case OWN_SCHOOL, OTHER_SCHOOL -> Role.SCHOOL;
            case ANONYMOUS, ROLELESS -> null;
        });
    }

    /**
     * Where this matrix and the services' access tables disagree: an operation not open to every token without a row
     * of its service's table, a role of which a persona is allowed here but its row refuses, a role whose every persona
     * of the district is refused (403) here but its row allows, and a row no operation here checks. Scopes finer than roles (404 for another
     * department's task) are the services' code, not the tables'.
     */
    List<String> disagreementsWith(Map<String, List<AccessRule>> tables) {
        List<String> disagreements = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Operation operation : operations) {
            String key = operation.method + " " + operation.template;
            AccessRule rule = tables.getOrDefault(operation.service, List.of()).stream()
                    .filter(r -> r.operation().equals(key)).findFirst().orElse(null);
            if (rule == null) {
                if (!operation.allowed.containsAll(ANY_TOKEN)) {
                    disagreements.add(operation.key() + ": no row in the service's access table");
                }
                continue;
            }
            checked.add(operation.service + " " + key);
            for (Role role : Role.values()) {
                List<Persona> ofRole = IN_DISTRICT.stream().filter(p -> role(p).orElse(null) == role).toList();
                boolean someAllowed = ofRole.stream().anyMatch(operation.allowed::contains);
                boolean allRefused = !ofRole.isEmpty()
                        && ofRole.stream().allMatch(p -> operation.expected(p).equals(Set.of(403)));
                if (someAllowed && !rule.allows(role)) {
                    disagreements.add(operation.key() + ": " + role + " is allowed here, its row refuses it");
                } else if (allRefused && rule.allows(role)) {
                    disagreements.add(operation.key() + ": " + role + " is refused here, its row allows it");
                }
            }
        }
        tables.forEach((service, rules) -> rules.stream().map(r -> service + " " + r.operation())
                .filter(row -> !checked.contains(row)).forEach(row -> disagreements.add(row + ": a row no operation checks")));
        return disagreements;
    }

    /** Runs every operation as every persona; returns each mismatch (empty when the matrix holds). */
    List<String> run() {
        List<String> mismatches = new ArrayList<>();
        for (Operation operation : operations) {
            for (Persona persona : Persona.values()) {
                Set<Integer> expected = operation.expected(persona);
                Answer answer = send(operation, persona);
                if (!expected.contains(answer.status())) {
                    mismatches.add(operation.key() + " as " + persona + ": expected " + expected + ", got "
                            + answer.status() + " " + abbreviated(answer.body()));
                } else if ((answer.status() == 403 || answer.status() == 404) && !problem(answer)) {
                    mismatches.add(operation.key() + " as " + persona + ": " + answer.status()
                            + " without an RFC 9457 problem body: " + abbreviated(answer.body()));
                }
            }
        }
        return mismatches;
    }

    int requests() {
        return operations.size() * Persona.values().length;
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static boolean problem(Answer answer) {
        return answer.contentType().startsWith("application/problem+json") && answer.body().contains("\"status\"")
                && !answer.body().contains("\tat ") && !answer.body().contains("Exception");
    }

    private Answer send(Operation operation, Persona persona) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(operation.url)).timeout(Duration.ofSeconds(30));
        HttpRequest.BodyPublisher body = operation.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(operation.body);
        request.method(operation.method, body);
        if (operation.body != null) {
            request.header("Content-Type", operation.contentType);
        }
        operation.headers.forEach(request::header);
        if (operation.stream) {
            request.header("Accept", "text/event-stream");
        }
        if (persona != Persona.ANONYMOUS) {
            request.header("Authorization", "Bearer " + tokens.get(persona));
        }
        try {
            if (operation.stream) {
                // an event stream never ends: the status and headers are the answer; the stream is closed at once
                HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                String text;
                try (InputStream in = response.body()) {
                    text = response.statusCode() == 200 ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                return new Answer(response.statusCode(), contentType(response), text);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), contentType(response), response.body() == null ? ""
                    : response.body());
        } catch (IOException e) {
            throw new IllegalStateException(operation.key() + " as " + persona, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
