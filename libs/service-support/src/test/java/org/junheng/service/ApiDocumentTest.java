package org.junheng.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.Index;
import org.junheng.contracts.Nullable;
import org.junit.jupiter.api.Test;

/** The filter's reading of the records behind the schemas, and the examples it composes, on a model built by hand. */
class ApiDocumentTest {

    @JsonClassDescription("整改节点 (milestone)")
    record Step(@JsonPropertyDescription("节点 (what is done)") String name, LocalDate due) {
    }

    record Measures(String measures, @Nullable List<Step> steps, LocalDate plannedCompletion, int workers,
                    @Nullable BigDecimal budget) {
    }

    /** Another record of the same simple name elsewhere: SmallRye calls its schema Measures1. */
    static final class Elsewhere {
        record Measures(@Nullable String note) {
        }
    }

    enum Kind { WARNING, CRITICISM }

    record Verdict(Kind kind, @Nullable Verdict appealed) {
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema type(Schema.SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }

    private static OpenAPI document() {
        Schema date = type(Schema.SchemaType.STRING).format("date");
        Schema measures = type(Schema.SchemaType.OBJECT)
                .addProperty("measures", type(Schema.SchemaType.STRING).example("新建塑胶跑道"))
                .addProperty("steps", type(Schema.SchemaType.ARRAY).items(ref("Step")))
                .addProperty("plannedCompletion", ref("LocalDate"))
                .addProperty("workers", type(Schema.SchemaType.INTEGER).example("3"))
                .addProperty("budget", type(Schema.SchemaType.NUMBER));
        Schema step = type(Schema.SchemaType.OBJECT).addProperty("name", type(Schema.SchemaType.STRING))
                .addProperty("due", ref("LocalDate"));
        Schema verdict = type(Schema.SchemaType.OBJECT).addProperty("kind", ref("Kind"))
                .addProperty("appealed", ref("Verdict"));
        Operation post = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(ref("Measures")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().content(OASFactory.createContent()
                                .addMediaType("application/json", OASFactory.createMediaType().schema(ref("Verdict")))))
                        .addAPIResponse("400", OASFactory.createAPIResponse().description("Bad Request")));
        Operation word = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().content(OASFactory.createContent()
                        .addMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                OASFactory.createMediaType()))));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Measures", measures).addSchema("Step", step)
                        .addSchema("Measures1", type(Schema.SchemaType.OBJECT)
                                .addProperty("note", type(Schema.SchemaType.STRING)))
                        .addSchema("LocalDate", date).addSchema("Verdict", verdict)
                        .addSchema("Kind", type(Schema.SchemaType.STRING).enumeration(List.of("WARNING", "CRITICISM"))))
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/v1/tasks/{id}/plan", OASFactory.createPathItem().POST(post))
                        .addPathItem("/api/v1/tasks/{id}/notice.docx", OASFactory.createPathItem().GET(word)));
    }

    private static OpenAPI filtered() throws IOException {
        OpenAPI document = document();
        new ApiDocument(Index.of(Measures.class, Elsewhere.Measures.class, Verdict.class)).filterOpenAPI(document);
        return document;
    }

    @Test
    void componentsWithoutNullableAreRequiredAndJacksonDescriptionsCarryOver() throws IOException {
        Map<String, Schema> schemas = filtered().getComponents().getSchemas();
        assertEquals(List.of("measures", "plannedCompletion", "workers"), schemas.get("Measures").getRequired());
        // reached through Measures' components, not indexed itself
        assertEquals(List.of("name", "due"), schemas.get("Step").getRequired());
        assertEquals("整改节点 (milestone)", schemas.get("Step").getDescription());
        assertEquals("节点 (what is done)", schemas.get("Step").getProperties().get("name").getDescription());
        // the record of the same name with other components: all nullable, nothing required
        assertNull(schemas.get("Measures1").getRequired());
        assertEquals(List.of("kind"), schemas.get("Verdict").getRequired());
    }

    @Test
    void everyJsonBodyGetsAnExampleComposedFromItsSchema() throws IOException {
        PathItem plan = filtered().getPaths().getPathItem("/api/v1/tasks/{id}/plan");
        Object request = plan.getPOST().getRequestBody().getContent().getMediaType("application/json").getExample();
        // the optional list is shown, the optional budget (no example given) is not
        assertEquals(Map.of("measures", "新建塑胶跑道",
                "steps", List.of(Map.of("name", "节点", "due", ApiExamples.DATE)),
                "plannedCompletion", ApiExamples.DATE, "workers", 3L), request);
        // the enumeration's first value; a type inside itself is left out rather than unrolled
        Object response = plan.getPOST().getResponses().getAPIResponse("200").getContent()
                .getMediaType("application/json").getExample();
        assertEquals(Map.of("kind", "WARNING"), response);
    }

    @Test
    void filesAreBinaryAndSmallRyesBadRequestBecomesTheProblem() throws IOException {
        OpenAPI document = filtered();
        MediaType docx = document.getPaths().getPathItem("/api/v1/tasks/{id}/notice.docx").getGET().getResponses()
                .getAPIResponse("200").getContent()
                .getMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertEquals("binary", docx.getSchema().getFormat());
        var badRequest = document.getPaths().getPathItem("/api/v1/tasks/{id}/plan").getPOST().getResponses()
                .getAPIResponse("400");
        assertEquals("#/components/schemas/Problem",
                badRequest.getContent().getMediaType(ProblemMappers.MEDIA_TYPE).getSchema().getRef());
        assertEquals(true, badRequest.getDescription().startsWith("输入有误"));
    }

    @Test
    void eachMemberOfAUnionCarriesItsNameInTheDiscriminator() throws IOException {
        OpenAPI document = document();
        Schema union = OASFactory.createSchema().oneOf(List.of(ref("Step"), ref("Measures1")))
                .discriminator(OASFactory.createDiscriminator().propertyName("type")
                        .addMapping("Step", "#/components/schemas/Step")
                        .addMapping("Note", "#/components/schemas/Measures1"));
        document.getComponents().addSchema("Change", union);
        document.getPaths().getPathItem("/api/v1/tasks/{id}/plan").getPOST().getRequestBody().getContent()
                .getMediaType("application/json").setSchema(ref("Change"));
        new ApiDocument(Index.of(Measures.class, Elsewhere.Measures.class, Verdict.class)).filterOpenAPI(document);
        Schema step = document.getComponents().getSchemas().get("Step");
        assertEquals(List.of("type", "name", "due"), step.getRequired());
        assertEquals("Step", step.getProperties().get("type").getConstValue());
        assertEquals(List.of("type"), document.getComponents().getSchemas().get("Measures1").getRequired());
        assertEquals(Map.of("type", "Step", "name", "节点", "due", ApiExamples.DATE), document.getPaths()
                .getPathItem("/api/v1/tasks/{id}/plan").getPOST().getRequestBody().getContent()
                .getMediaType("application/json").getExample());
    }
}
