package org.junheng.intake.importing;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junheng.contracts.Role;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.intake.IntakeAccess;
import org.junheng.intake.statistics.Submitters;
import org.junheng.service.Caller;

@Path("/api/v1")
@Tag(name = "批量导入 Bulk import")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportDesk desk;
    private final ImportThrottle throttle;
    private final Submitters submitters;

    public ImportResource(ImportDesk desk, Submitters submitters, java.time.Clock clock,
                          @org.eclipse.microprofile.config.inject.ConfigProperty(
                                  name = "junheng.intake.imports-per-minute", defaultValue = "6") int perMinute) {
        this.desk = desk;
        this.submitters = submitters;
        this.throttle = new ImportThrottle(perMinute, java.time.Duration.ofMinutes(1), clock);
    }

    @POST
    @Path("districts/{district}/periods/{year}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "导入学校年度统计 Import a district's year from XLSX or CSV: all rows or nothing")
    public Uni<ImportDesk.Summary> importFile(@PathParam("district") String district, @PathParam("year") int year,
                                              @RestForm("file") FileUpload file, @RestForm("reason") String reason,
                                              @RestForm("acceptWarnings") boolean acceptWarnings,
                                              @BeanParam Caller caller) {
        caller.require(IntakeAccess.IMPORT, district);
        Role role = caller.role().orElseThrow();
        String unit = caller.actor().department();
        submitters.requireMaySubmit(role, unit, null);
        throttle.acquire(district).ifPresent(wait -> {
            throw new Refusal(Refusal.Kind.TOO_MANY, "too-many-imports",
                    "导入过于频繁，请稍后再试 (too many imports; try again later)",
                    "retry after " + Math.max(1, wait.toSeconds()) + " s", null);
        });
        byte[] content = org.junheng.service.Uploads.bytes(file);
        ImportDesk.requireContent(content);
        return desk.importFile(district, year, content, file.fileName(), reason, acceptWarnings,
                schoolCode -> submitters.mayImportRow(role, unit, schoolCode), caller.metadata());
    }

    @GET
    @Path("import-templates/school-statistics.xlsx")
    @Produces(XLSX)
    @Operation(summary = "导入模板 (XLSX) with the 填表说明 sheet")
    public Response xlsxTemplate() {
        return Response.ok(ImportTemplate.xlsx(), XLSX)
                .header("Content-Disposition", org.junheng.service.ContentDisposition.attachment("学校年度统计.xlsx",
                        "school-statistics.xlsx")).build();
    }

    /**
     * 预填模板: the template filled with the district year's figures on record — for the office and the education
     * commission every school's, for a school its own — to edit and import again (for next year, or to correct).
     */
    @GET
    @Path("districts/{district}/periods/{year}/import-templates/school-statistics.xlsx")
    @Produces(XLSX)
    @Operation(summary = "预填模板 (XLSX): the template filled with the year's figures on record, to edit and import")
    public Uni<Response> filledTemplate(@PathParam("district") String district, @PathParam("year") int year,
                                        @BeanParam Caller caller) {
        caller.require(IntakeAccess.FILLED_TEMPLATE, district);
        Role role = caller.role().orElseThrow();
        String unit = caller.actor().department();
        submitters.requireMaySubmit(role, unit, null);
        return desk.onRecord(district, year, code -> submitters.mayImportRow(role, unit, code))
                .map(figures -> Response.ok(ImportTemplate.xlsx(FilledTemplate.rows(figures)), XLSX)
                        .header("Content-Disposition", org.junheng.service.ContentDisposition.attachment(
                                "学校年度统计-" + year + "-预填.xlsx", "school-statistics-" + year + ".xlsx")).build());
    }

    /** One field of the statistics form, as the template's column and the web form's input. */
    /** {@code blank}: REFUSED (required), ALLOWED (blank is none) or NOT_REPORTED (blank leaves its items open). */
    public record FormField(String header, StatisticsColumn.Scope scope, String path, StatisticsColumn.Kind kind,
                            boolean required, StatisticsColumn.Blank blank) {
    }

    @GET
    @Path("import-templates/school-statistics/columns")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "统计表字段 (the form's fields: heading, scope, path in the form, kind, required)")
    public List<FormField> columns() {
        return java.util.Arrays.stream(StatisticsColumn.values()).map(c -> new FormField(c.header(), c.scope(),
                c.path(), c.kind(), c.required(), c.blank())).toList();
    }

    @GET
    @Path("import-templates/school-statistics.csv")
    @Produces("text/csv")
    @Operation(summary = "导入模板 (CSV, UTF-8 with BOM)")
    public Response csvTemplate() {
        return Response.ok(ImportTemplate.csv(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"school-statistics.csv\"").build();
    }
}
