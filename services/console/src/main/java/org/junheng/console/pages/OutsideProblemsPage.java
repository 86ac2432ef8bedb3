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
import org.junheng.console.backend.RectificationApi;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.contracts.rectification.ProblemSource;

/**
 * 外部问题清单: the office imports the problems the city's assessment, the national recognition, its 督学 or the public
 * found — the list as the template's spreadsheet, its source (kind, 文号, date) in the form — and sees the tasks
 * opened, or every problem at its row and column. Rectification decides; the console stores nothing.
 */
@Path("/outside-problems")
public class OutsideProblemsPage {

    private final Pages pages;
    private final RectificationApi rectification;
    private final Template list;

    public OutsideProblemsPage(Pages pages, @RestClient RectificationApi rectification,
                               @Location("outside-problems.html") Template list) {
        this.pages = pages;
        this.rectification = rectification;
        this.list = list;
    }

    /** A source kind for the form's list. */
    @io.quarkus.qute.TemplateData
    public record Kind(String value, String label) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return page(null, null, Map.of());
    }

    @GET
    @Path("template.xlsx")
    public Response template() {
        return Pages.relay(rectification.outsideProblemsTemplate());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String kind, @RestForm String documentNumber,
                           @RestForm String issuedOn) {
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("kind", kind == null ? "" : kind);
        entered.put("documentNumber", documentNumber == null ? "" : documentNumber);
        entered.put("issuedOn", issuedOn == null ? "" : issuedOn);
        try {
            if (file == null || file.size() == 0) {
                throw new ServiceRefused(400, "{\"detail\": \"请选择问题清单文件（XLSX 或 CSV）(choose a file)\"}");
            }
            ClientMultipartForm form = ClientMultipartForm.create();
            Pages.addFile(form, file);
            entered.forEach((name, value) -> {
                if (!value.isBlank()) {
                    form.attribute(name, value, null);
                }
            });
            JsonNode result = rectification.importOutsideProblems(pages.district(), pages.period(), form);
            return html(Response.ok(page(result, null, Map.of())));
        } catch (ServiceRefused refused) {
            return html(Response.status(refused.pageStatus()).entity(page(null, refused, entered)));
        }
    }

    private static Response html(Response.ResponseBuilder response) {
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private TemplateInstance page(JsonNode result, ServiceRefused refused, Map<String, String> entered) {
        List<Map<String, Object>> problems = Pages.sheetProblems(refused, FIELD_NAMES);
        List<Kind> kinds = new ArrayList<>();
        for (ProblemSource.Kind kind : ProblemSource.Kind.values()) {
            kinds.add(new Kind(kind.name(), kind.label()));
        }
        Map<String, String> form = new LinkedHashMap<>(Map.of("kind", "", "documentNumber", "", "issuedOn", ""));
        form.putAll(entered);
        return pages.page(list, "outside-problems").data("result", Pages.tree(result))
                .data("refusal", refused == null ? null : refused.message()).data("problems", problems)
                .data("kinds", kinds).data("entered", form);
    }

    /** The form's fields in words, for problems that name them. */
    private static final Map<String, String> FIELD_NAMES = Map.of("kind", "问题来源", "documentNumber", "文号",
            "issuedOn", "来文日期");
}
