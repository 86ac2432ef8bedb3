package org.junheng.service;

import org.eclipse.microprofile.openapi.annotations.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.service.documents.AuditRows;

/**
 * 审计导出: every event this service recorded for a district, oldest first — time, what, who (name, role, unit), why
 * and a summary — as CSV (UTF-8 with BOM, for Excel) or XLSX. Streamed a page of events at a time, never the whole
 * district in memory; {@code from}/{@code to} bound it by time. For the supervision office and administrators.
 */
@Path("/api/v1/audit")
public class AuditExport {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Pool pool;
    private final String service;
    private final int page;

    AuditExport(Pool pool, @ConfigProperty(name = "quarkus.application.name") String service,
                @ConfigProperty(name = "junheng.audit.page-size", defaultValue = "1000") int page) {
        this.pool = pool;
        this.service = service.replace("junheng-", "");
        this.page = page;
    }

    @GET
    @Produces({"text/csv", XLSX})
    @Blocking
    @Operation(summary = "审计导出 Every event of a district, in words, paged",
            description = "每条事件的时间、操作人、对象与内容，按页输出（CSV 或 JSON），供审计和档案留存。")
    public Response export(@QueryParam("district") String district, @QueryParam("format") String format,
                           @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(CommonAccess.AUDIT_EXPORT, d);
        Instant since = QueryValues.optionalSince("from", from);
        Instant until = QueryValues.optionalAsOf("to", to);
        boolean xlsx = "xlsx".equals(format);
        if (format != null && !xlsx && !"csv".equals(format)) {
            throw Refusal.invalidField("format", format, "须为 csv 或 xlsx (csv or xlsx)");
        }
        String name = "审计导出-" + service + "-" + d + (xlsx ? ".xlsx" : ".csv");
        StreamingOutput body = xlsx ? out -> xlsx(d, since, until, out) : out -> csv(d, since, until, out);
        return Response.ok(body, xlsx ? XLSX : "text/csv; charset=UTF-8")
                .header("Content-Disposition", ContentDisposition.attachment(name, "audit-" + service + "-" + d
                        + (xlsx ? ".xlsx" : ".csv"))).build();
    }

    private void csv(String district, Instant since, Instant until, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        write(out, AuditRows.HEADER);
        rows(district, since, until, row -> {
            try {
                write(out, row);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // the client went away: stop reading
            }
        });
        out.flush();
    }

    private static void write(OutputStream out, List<String> row) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String cell : row) {
            line.append(line.isEmpty() ? "" : ",").append(AuditRows.csvCell(cell));
        }
        out.write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    private void xlsx(String district, Instant since, Instant until, OutputStream out) throws IOException {
        // 100 rows in memory, the rest on disk until the workbook is written out
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet("审计记录");
            int[] next = {0};
            Consumer<List<String>> add = row -> {
                var line = sheet.createRow(next[0]++);
                for (int c = 0; c < row.size(); c++) {
                    line.createCell(c).setCellValue(row.get(c));
                }
            };
            add.accept(AuditRows.HEADER);
            rows(district, since, until, add);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** The district's events page by page in log order (keyset on the global position). */
    private void rows(String district, Instant since, Instant until, Consumer<List<String>> sink) {
        long after = 0;
        while (true) {
            var rows = pool.preparedQuery("""
                            select global_position, recorded_at, event_type, stream_id, metadata::text as metadata,
                                   payload::text as payload
                            from events where metadata ->> 'district' = $1 and global_position > $2
                              and ($3::timestamptz is null or recorded_at >= $3)
                              and ($4::timestamptz is null or recorded_at <= $4)
                            order by global_position limit $5""")
                    .execute(Tuple.from(new Object[] {district, after, offset(since), offset(until), page}))
                    .await().indefinitely();
            for (Row row : rows) {
                after = row.getLong("global_position");
                JsonNode metadata = tree(row.getString("metadata"));
                EventMetadata.Actor actor = metadata.hasNonNull("actor")
                        ? PublishedEvents.JSON.convertValue(metadata.get("actor"), EventMetadata.Actor.class) : null;
                sink.accept(AuditRows.row(after, row.getOffsetDateTime("recorded_at").toInstant(),
                        row.getString("event_type"), row.getString("stream_id"), actor, tree(row.getString("payload"))));
            }
            if (rows.size() < page) {
                return;
            }
        }
    }

    private static java.time.OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static JsonNode tree(String json) {
        try {
            return PublishedEvents.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored event is unreadable", e);
        }
    }
}
