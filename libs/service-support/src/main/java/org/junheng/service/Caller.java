package org.junheng.service;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junheng.contracts.Person;
import org.junheng.contracts.Role;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.Tracing;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * Who makes a request, from its bearer token (subject, role, department, name), and the causal chain and trace from
 * its headers: what every change records in its events.
 */
public class Caller {

    @Context
    SecurityContext security;

    @HeaderParam("X-Correlation-ID")
    String correlationId;

    @HeaderParam("traceparent")
    String traceparent;

    /**
     * Who acts, in which correlation and trace: the trace is the request's span (OpenTelemetry, a child of the
     * client's {@code traceparent}), so the events, their publication and what consumers do with them join it; with
     * tracing off, the client's header as it came.
     */
    public EventMetadata metadata() {
        String trace = Tracing.traceparent(Span.current().getSpanContext());
        return new EventMetadata(null, correlationId == null || correlationId.isBlank()
                ? UUID.randomUUID().toString() : correlationId.trim(), null, actor(), null,
                trace != null ? trace : traceparent, null);
    }

    public EventMetadata.Actor actor() {
        JsonWebToken token = token();
        if (token == null) {
            return new EventMetadata.Actor("anonymous", "unauthenticated", null);
        }
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        String role = Role.actingIn(groups).map(Role::claim).orElse("unknown");
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

    /** The role the caller acts in; empty for a token without a role of the standard. */
    public Optional<Role> role() {
        return Role.ofClaim(actor().role());
    }

    public boolean is(Role... roles) {
        Optional<Role> role = role();
        return role.isPresent() && List.of(roles).contains(role.get());
    }

    /** The {@code dept} claim of a department user, else null. */
    public String department() {
        return is(Role.DEPARTMENT) ? actor().department() : null;
    }

    /** The {@code school} claim of a school user, else null. */
    public String school() {
        return is(Role.SCHOOL) ? actor().department() : null;
    }

    /**
     * Admins see every district; anyone else the districts of their claim, and only with a role of the standard, plus
     * the {@code dept} or {@code school} claim their role is scoped by: a token the provider got wrong reaches nothing
     * rather than everything.
     */
    public boolean seesDistrict(String district) {
        return is(Role.ADMIN) || wellFormed() && districts().contains(district);
    }

    private boolean wellFormed() {
        if (is(Role.DEPARTMENT, Role.SCHOOL)) {
            String unit = actor().department();
            return unit != null && !unit.isBlank();
        }
        return role().isPresent();
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

    /** The caller may take the operation in {@code district}: 404 outside its districts, 403 in a role not allowed. */
    public void require(AccessRule rule, String district) {
        requireDistrict(district);
        require(rule);
    }

    /** The caller acts in a role the rule allows (admins in every rule), else 403. */
    public void require(AccessRule rule) {
        if (!allows(rule)) {
            throw Refusal.forbidden("此操作需要以下角色之一：" + rule.roleLabels() + " (this needs one of the roles: "
                    + String.join(", ", rule.roles().stream().map(Role::claim).sorted().toList()) + ")");
        }
    }

    /**
     * For an operation on a thing whose district the request does not name (a task, a finding, a notice): a caller
     * the rule does not allow finds nothing (404), as outside its districts; the thing's own scope rule follows.
     */
    public void requireOrNotFound(AccessRule rule) {
        if (!allows(rule)) {
            throw Refusal.notFound("not-found", "未找到 (not found)");
        }
    }

    public boolean allows(AccessRule rule) {
        return role().map(rule::allows).orElse(false);
    }

    private JsonWebToken token() {
        return security != null && security.getUserPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }
}
