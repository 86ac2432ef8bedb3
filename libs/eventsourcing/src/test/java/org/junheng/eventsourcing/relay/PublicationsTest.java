package org.junheng.eventsourcing.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.Tracing;
import org.junit.jupiter.api.Test;

/** One publication span per trace and topic in a relay batch, and the records carry it to the consumers. */
class PublicationsTest {

    static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
    static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final KafkaRoute ROUTE = new KafkaRoute("junheng.school-data.v1", "500104",
            "org.junheng.school-data.SchoolStatisticsSubmitted.v1");

    static StoredEvent event(String traceparent) {
        EventMetadata metadata = new EventMetadata("500104", "corr", null, EventMetadata.Actor.system("test"), null,
                traceparent, null);
        return new StoredEvent(new FeedPosition(1, 1), "school/1", "School", 1, UUID.randomUUID(),
                "SchoolStatisticsSubmitted.v1", "{}", metadata, Instant.now());
    }

    static String traceparentOf(ProducerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(CloudEventHeaders.TRACEPARENT);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aBulkImportMakesOneSpanAndEveryRecordNamesIt() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracing tracing = Tracing.of(OpenTelemetrySdk.builder().setTracerProvider(provider).build());
            Tracing.Publications publications = tracing.publications();
            List<StoredEvent> events = List.of(event("00-" + TRACE_A + "-b7ad6b7169203331-01"),
                    event("00-" + TRACE_A + "-b7ad6b7169203331-01"), event("00-" + TRACE_A + "-b7ad6b7169203331-01"),
                    event("00-" + TRACE_B + "-00f067aa0ba902b7-01"), event(null));
            List<ProducerRecord<String, byte[]>> records = events.stream().map(e -> {
                var record = CloudEventRecords.toRecord(e, ROUTE, URI.create("/junheng/school-intake"));
                publications.add(e, record);
                return record;
            }).toList();
            assertTrue(exporter.getFinishedSpanItems().isEmpty(), "open until the batch is acknowledged");
            publications.end(null);

            List<SpanData> spans = exporter.getFinishedSpanItems();
            assertEquals(2, spans.size(), spans.toString());
            SpanData a = spans.stream().filter(s -> s.getTraceId().equals(TRACE_A)).findFirst().orElseThrow();
            assertEquals(SpanKind.PRODUCER, a.getKind());
            assertEquals("publish junheng.school-data.v1", a.getName());
            assertEquals("b7ad6b7169203331", a.getParentSpanId());
            assertEquals(3L, a.getAttributes().get(AttributeKey.longKey("junheng.events")));
            assertEquals(StatusCode.UNSET, a.getStatus().getStatusCode());
            String carried = "00-" + TRACE_A + "-" + a.getSpanId() + "-01";
            assertEquals(List.of(carried, carried, carried), records.subList(0, 3).stream()
                    .map(PublicationsTest::traceparentOf).toList());
            SpanData b = spans.stream().filter(s -> s.getTraceId().equals(TRACE_B)).findFirst().orElseThrow();
            assertEquals("00-" + TRACE_B + "-" + b.getSpanId() + "-01", traceparentOf(records.get(3)));
            assertEquals(1L, b.getAttributes().get(AttributeKey.longKey("junheng.events")));
            assertEquals(1, java.util.stream.StreamSupport.stream(records.get(3).headers()
                    .headers(CloudEventHeaders.TRACEPARENT).spliterator(), false).count(), "one traceparent header");
            assertEquals(null, traceparentOf(records.get(4)), "no trace, no span, no header");
        }
    }

    @Test
    void aBatchTheBrokerRefusedEndsItsSpansFailed() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracing.Publications publications = Tracing.of(OpenTelemetrySdk.builder().setTracerProvider(provider)
                    .build()).publications();
            StoredEvent event = event("00-" + TRACE_A + "-b7ad6b7169203331-01");
            publications.add(event, CloudEventRecords.toRecord(event, ROUTE, URI.create("/junheng/school-intake")));
            publications.end(new IllegalStateException("not acknowledged"));
            assertEquals(StatusCode.ERROR, exporter.getFinishedSpanItems().get(0).getStatus().getStatusCode());
        }
    }

    @Test
    void withTracingOffTheRecordKeepsTheTraceItWasRecordedUnder() {
        Tracing.Publications publications = Tracing.none().publications();
        String traceparent = "00-" + TRACE_A + "-b7ad6b7169203331-01";
        StoredEvent event = event(traceparent);
        var record = CloudEventRecords.toRecord(event, ROUTE, URI.create("/junheng/school-intake"));
        publications.add(event, record);
        publications.end(null);
        assertEquals(traceparent, traceparentOf(record));
    }
}
