package org.junheng.service;

import jakarta.ws.rs.HeaderParam;
import java.util.UUID;
import org.junheng.contracts.Person;
import org.junheng.eventsourcing.EventMetadata;

/**
 * The request headers every change records in its events: who acts, the causal chain, the trace. Until bearer tokens
 * arrive (the security issue) the actor is the caller's declared {@code X-Junheng-Actor: subject;role;department},
 * recorded as given.
 */
public class Caller {

    @HeaderParam("X-Junheng-Actor")
    String actor;

    @HeaderParam("X-Junheng-Actor-Name")
    String actorName;

    @HeaderParam("X-Correlation-ID")
    String correlationId;

    @HeaderParam("traceparent")
    String traceparent;

    public static EventMetadata metadata(String actorHeader, String correlationId, String traceparent) {
        return new EventMetadata(null, correlationId == null || correlationId.isBlank()
                ? UUID.randomUUID().toString() : correlationId.trim(), null, actor(actorHeader), null, traceparent, null);
    }

    private static EventMetadata.Actor actor(String header) {
        if (header == null || header.isBlank()) {
            return new EventMetadata.Actor("anonymous", "unauthenticated", null);
        }
        String[] parts = header.trim().split(";", -1);
        String subject = parts[0].isBlank() ? "anonymous" : parts[0].trim();
        String role = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : "unauthenticated";
        String department = parts.length > 2 && !parts[2].isBlank() ? parts[2].trim() : null;
        return new EventMetadata.Actor(subject, role, department);
    }

    public EventMetadata metadata() {
        return metadata(actor, correlationId, traceparent);
    }

    public EventMetadata.Actor actor() {
        return actor(actor);
    }

    /** The acting person as events name them (责任人, 督学 …). */
    public Person person() {
        String subject = actor().subject();
        // HTTP header values are ISO-8859-1: a Chinese name travels percent-encoded (UTF-8)
        return new Person(subject, actorName == null || actorName.isBlank() ? subject
                : java.net.URLDecoder.decode(actorName.trim(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
