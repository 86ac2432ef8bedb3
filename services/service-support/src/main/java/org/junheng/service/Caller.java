package org.junheng.service;

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
        Object unit = token.claim("dept").orElse(token.claim("school").orElse(null));
        return new EventMetadata.Actor(token.getSubject(), role, unit == null ? null : unit.toString());
    }

    /** The acting person as events name them (责任人, 督学 …). */
    public Person person() {
        JsonWebToken token = token();
        String subject = actor().subject();
        Object name = token == null ? null : token.claim("name").orElse(null);
        return new Person(subject, name == null ? subject : name.toString());
    }

    private JsonWebToken token() {
        return security != null && security.getUserPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }
}
