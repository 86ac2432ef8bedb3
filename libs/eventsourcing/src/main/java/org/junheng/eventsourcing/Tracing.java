package org.junheng.eventsourcing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junheng.contracts.CloudEventHeaders;

/**
 * The kit's spans (OpenTelemetry): an append to the event log, a child of whatever span is current (the REST request,
 * the consumed record); and the publication of events, a child of the span they were recorded under — their stored
 * {@code traceparent} — whose own context then goes out in the records' {@code traceparent} header, so the consumer's
 * span continues the same trace. An event recorded without a trace is published without a span.
 */
public final class Tracing {

    private static final Tracing NONE = new Tracing(OpenTelemetry.noop());
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    static final AttributeKey<String> STREAM = AttributeKey.stringKey("junheng.stream");
    static final AttributeKey<Long> EVENTS = AttributeKey.longKey("junheng.events");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("junheng.event.type");
    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    private final Tracer tracer;

    private Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.junheng.eventsourcing");
    }

    /** No spans (tests, tools). */
    public static Tracing none() {
        return NONE;
    }

    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(openTelemetry);
    }

    /** A span around appending {@code events} events to {@code streams} (named by the first one). */
    public Span startAppend(List<String> streams, int events) {
        return tracer.spanBuilder("event-log append").setSpanKind(SpanKind.INTERNAL)
                .setAttribute(STREAM, streams.isEmpty() ? "" : streams.get(0) + (streams.size() > 1
                        ? " (+" + (streams.size() - 1) + ")" : ""))
                .setAttribute(EVENTS, (long) events).startSpan();
    }

    /** The publication spans of one relay batch ({@link Publications}). */
    public Publications publications() {
        return new Publications();
    }

    /**
     * The PRODUCER spans of one batch the relay sends: one per trace and topic — a bulk import's thousand events
     * make one span, not a thousand — a child of the span the events were recorded under (their stored
     * {@code traceparent}), whose context then replaces the records' {@code traceparent} header. Events recorded
     * without a trace, and spans that are not recorded (tracing off, not sampled), leave the records as they are.
     */
    public final class Publications {

        private final Map<String, Span> spans = new java.util.LinkedHashMap<>();
        private final Map<String, Long> counts = new java.util.HashMap<>();

        private Publications() {
        }

        /** Puts {@code record} (of {@code event}) under its trace's publication span in this batch. */
        public void add(StoredEvent event, ProducerRecord<String, byte[]> record) {
            String traceparent = event.metadata().traceparent();
            if (traceparent == null) {
                return;
            }
            String key = traceparent + " " + record.topic();
            Span span = spans.computeIfAbsent(key, k -> start(event, record.topic(), traceparent));
            if (!span.isRecording()) {
                return;
            }
            counts.merge(key, 1L, Long::sum);
            record.headers().remove(CloudEventHeaders.TRACEPARENT);
            W3C.inject(Context.root().with(span), record, HEADER_SETTER);
        }

        /** Ends every span of the batch: its records were acknowledged, or {@code failure} stopped them. */
        public void end(Throwable failure) {
            spans.forEach((key, span) -> {
                span.setAttribute(EVENTS, counts.getOrDefault(key, 0L));
                Tracing.end(span, failure);
            });
            spans.clear();
        }

        private Span start(StoredEvent event, String topic, String traceparent) {
            Context parent = W3C.extract(Context.root(), Map.of(CloudEventHeaders.TRACEPARENT, traceparent),
                    MAP_GETTER);
            if (!Span.fromContext(parent).getSpanContext().isValid()) {
                return Span.getInvalid();
            }
            return tracer.spanBuilder("publish " + topic).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                    .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                    .setAttribute(OPERATION, "publish").setAttribute(MESSAGE_ID, event.eventId().toString())
                    .setAttribute(EVENT_TYPE, event.eventType()).setAttribute(STREAM, event.streamId()).startSpan();
        }
    }

    /**
     * The work done with the span {@code traceparent} names as the current context — what the Kafka connector does
     * for a record consumed on its own, done by hand for each record of a batch — so the spans it starts (an append)
     * and the lines it logs belong to the record's trace. Only on a Vert.x context, where a service handles records
     * and where the context lives (Quarkus keeps it on the Vert.x context, so the work's continuations see it and the
     * scope closes there whichever thread ends the work); elsewhere, and without a valid {@code traceparent}, the
     * work as it is.
     */
    public static <T> Uni<T> under(String traceparent, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = traceparent == null || io.vertx.core.Vertx.currentContext() == null ? null
                    : W3C.extract(Context.root(), Map.of(CloudEventHeaders.TRACEPARENT, traceparent), MAP_GETTER);
            if (context == null || !Span.fromContext(context).getSpanContext().isValid()) {
                return work.get();
            }
            Scope scope = context.makeCurrent();
            try {
                return work.get().onTermination().invoke(scope::close);
            } catch (RuntimeException e) {
                scope.close();
                throw e;
            }
        });
    }

    /** Ends a span, marking it failed with {@code failure} (null: it succeeded). */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    /** The W3C {@code traceparent} of a span context (as the propagator writes it), or null when it is not valid. */
    public static String traceparent(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        Map<String, String> carrier = new java.util.HashMap<>(2);
        W3C.inject(Context.root().with(Span.wrap(context)), carrier, Map::put);
        return carrier.get(CloudEventHeaders.TRACEPARENT);
    }

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapSetter<ProducerRecord<String, byte[]>> HEADER_SETTER = (record, key, value) -> {
        if (record != null) {
            record.headers().remove(key);
            record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };
}
