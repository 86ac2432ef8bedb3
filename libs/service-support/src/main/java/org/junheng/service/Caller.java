package org.junheng.service;

import org.junheng.eventsourcing.decider.Refusal;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junheng.contracts.Person;
import org.junheng.eventsourcing.EventMetadata;

/**
 * Who makes a request, from its bearer token (subject, role, department, name), and the causal chain and trace from
 * its headers: what every change records in its events.
 */
public class Caller {

    /** The roles of the standard, most powerful first: an actor with several acts in the first. */
    public static final List<String> ROLES = List.of("admin", "city-supervisor", "supervisor", "leader", "department",
            "school");

    private static final java.util.Map<String, String> ROLE_NAMES = java.util.Map.of("admin", "管理员",
            "city-supervisor", "市督导", "supervisor", "督导室", "leader", "领导小组", "department", "责任单位",
            "school", "学校", "system", "系统自动");

    /** A role as people say it (督导室, 责任单位 …); an unknown one as it is. */
    public static String roleName(String role) {
        return role == null ? "" : ROLE_NAMES.getOrDefault(role, role);
    }

    @Context
    SecurityContext security;

    @HeaderParam("X-Correlation-ID")
    String correlationId;

    @HeaderParam("traceparent")
    String traceparent;

    public EventMetadata metadata() {
        return new EventMetadata(null, correlationId == null || correlationId.isBlank()
                ? UUID.randomUUID().toString() : correlationId.trim(), null, actor(), null, traceparent, null);
    }

    public EventMetadata.Actor actor() {
        JsonWebToken token = token();
        if (token == null) {
            return new EventMetadata.Actor("anonymous", "unauthenticated", null);
        }
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        String role = ROLES.stream().filter(groups::contains).findFirst().orElse("unknown");
        // the unit is the claim of the acting role only: a school token's dept claim (or the reverse) means nothing
        Object unit = "department".equals(role) ? token.claim("dept").orElse(null)
                : "school".equals(role) ? token.claim("school").orElse(null)
                : token.claim("dept").orElse(null);
        Object name = token.claim("name").orElse(null);
        return new EventMetadata.Actor(token.getSubject(), role, unit == null ? null : unit.toString(),
                name == null ? null : name.toString());
    }

    /** The acting person as events name them (责任人, 督学 …). */
    public Person person() {
        JsonWebToken token = token();
        String subject = actor().subject();
        Object name = token == null ? null : token.claim("name").orElse(null);
        return new Person(subject, name == null ? subject : name.toString());
    }

    // ------------------------------------------------------------------------------------------------ access

    /** The districts the caller works in ({@code district} claim, one or many); admins see every district. */
    public Set<String> districts() {
        JsonWebToken token = token();
        if (token == null) {
            return Set.of();
        }
        Object claim = token.getClaim("district");
        java.util.Set<String> districts = new java.util.TreeSet<>();
        if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value -> districts.add(value instanceof jakarta.json.JsonString text ? text.getString()
                    : value.toString()));
        } else if (claim instanceof java.util.Collection<?> collection) {
            collection.forEach(value -> districts.add(String.valueOf(value).replace("\"", "")));
        } else if (claim != null) {
            districts.add(claim.toString().replace("\"", ""));
        }
        return districts;
    }

    public String role() {
        return actor().role();
    }

    public boolean is(String... roles) {
        return List.of(roles).contains(role());
    }

    /** The {@code dept} claim of a department user, else null. */
    public String department() {
        return "department".equals(role()) ? actor().department() : null;
    }

    /** The {@code school} claim of a school user, else null. */
    public String school() {
        return "school".equals(role()) ? actor().department() : null;
    }

    /**
     * Admins see every district; anyone else the districts of their claim, and only with a role of the standard, plus
     * the {@code dept} or {@code school} claim their role is scoped by: a token the provider got wrong reaches nothing
     * rather than everything.
     */
    public boolean seesDistrict(String district) {
        return is("admin") || wellFormed() && districts().contains(district);
    }

    private boolean wellFormed() {
        String role = role();
        if ("department".equals(role) || "school".equals(role)) {
            String unit = actor().department();
            return unit != null && !unit.isBlank();
        }
        return ROLES.contains(role);
    }

    /** Outside the caller's districts a resource does not exist for them: 404, never a hint that it does. */
    public void requireDistrict(String district) {
        if (!seesDistrict(district)) {
            throw Refusal.notFound("not-found", "未找到 (not found)");
        }
    }

    /** A school user reaches only its own school; another school's data do not exist for it (404). */
    public void requireOwnSchool(String schoolCode) {
        if (school() != null && !school().equals(schoolCode)) {
            throw Refusal.notFound("not-found", "未找到 (not found)");
        }
    }

    /** The caller acts in one of {@code roles} (admins in every role), else 403. */
    public void requireRole(String... roles) {
        if (!is("admin") && !is(roles)) {
            throw Refusal.forbidden("此操作需要以下角色之一 (this needs one of the roles): " + String.join(", ", roles));
        }
    }

    private JsonWebToken token() {
        return security != null && security.getUserPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }
}
