package org.junheng.rectification.tasks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junheng.rectification.documents.OutsideProblemSheet;
import org.junheng.service.ContentDisposition;

/** The 外部问题清单 template, for anyone who signs in: the columns and how to fill them in. */
@Path("/api/v1/import-templates/outside-problems.xlsx")
public class OutsideProblemTemplateResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Produces(XLSX)
    @Operation(summary = "外部问题清单导入模板 (XLSX) with the 填表说明 sheet")
    public Response template() {
        return Response.ok(OutsideProblemSheet.template(), XLSX).header("Content-Disposition",
                ContentDisposition.attachment("外部问题清单.xlsx", "outside-problems.xlsx")).build();
    }
}
