package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junheng.console.backend.IntakeApi;
import org.junheng.console.backend.ServiceRefused;

/**
 * 批量导入: the office, the education commission (区教委) and a school upload the yearly statistics as a spreadsheet —
 * the blank template, or last year's figures pre-filled to edit — and see every problem at its row and column;
 * implausible values are imported once the user confirms them. The intake decides; nothing is stored by the console.
 */
@Path("/imports")
public class ImportPage {

    private final Pages pages;
    private final IntakeApi intake;
    private final Template imports;

    public ImportPage(Pages pages, @RestClient IntakeApi intake, @Location("imports.html") Template imports) {
        this.pages = pages;
        this.intake = intake;
        this.imports = imports;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return page(null, null);
    }

    @GET
    @Path("template.xlsx")
    public Response template() {
        return Pages.relay(intake.template());
    }

    /** The template filled with a year's figures on record (this year's, or last year's to start the next). */
    @GET
    @Path("filled.xlsx")
    public Response filled(@QueryParam("year") String year) {
        int period;
        try {
            period = year == null || year.isBlank() ? pages.period() : Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw new ServiceRefused(400, "{\"detail\": \"年度请填写4位数字 (a year, please)\"}");
        }
        return Pages.relay(intake.filledTemplate(pages.district(), period));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String reason,
                           @RestForm String acceptWarnings) {
        try {
            if (file == null || file.size() == 0) {
                throw new ServiceRefused(400, "{\"detail\": \"请选择要导入的文件（XLSX 或 CSV）(choose a file)\"}");
            }
            ClientMultipartForm form = ClientMultipartForm.create();
            Pages.addFile(form, file);
            if (reason != null && !reason.isBlank()) {
                form.attribute("reason", reason, null);
            }
            form.attribute("acceptWarnings", Boolean.toString(acceptWarnings != null), null);
            JsonNode summary = intake.importFile(pages.district(), pages.period(), form);
            return Response.ok(page(summary, null)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus()).entity(page(null, refused))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    private TemplateInstance page(JsonNode summary, ServiceRefused refused) {
        List<Map<String, Object>> problems = Pages.sheetProblems(refused, Map.of());
        return pages.page(imports, "imports").data("summary", Pages.tree(summary))
                .data("refusal", refused == null ? null : refused.message())
                .data("implausible", refused != null && "import-implausible-values".equals(refused.type()))
                .data("problems", problems).data("lastYear", pages.period() - 1);
    }
}
