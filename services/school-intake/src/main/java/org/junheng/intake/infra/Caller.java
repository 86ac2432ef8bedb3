package org.junheng.intake.infra;

import jakarta.ws.rs.HeaderParam;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.intake.common.Requests;

/** The request headers every change records in its events: who acts, the causal chain, the trace. */
public class Caller {

    @HeaderParam("X-Junheng-Actor")
    String actor;

    @HeaderParam("X-Correlation-ID")
    String correlationId;

    @HeaderParam("traceparent")
    String traceparent;

    public EventMetadata metadata() {
        return Requests.metadata(actor, correlationId, traceparent);
    }
}
