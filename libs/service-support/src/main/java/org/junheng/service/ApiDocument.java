package org.junheng.service;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, once, rather than on each of some hundred operations:
 * <ul>
 *   <li>every operation needs the bearer token (the HTTP permission on /api/*, not annotations, enforces it), so
 *       Swagger UI sends the token given under Authorize;</li>
 *   <li>each operation sits under the feature it belongs to (整改任务 Tasks, 通报 Notices …), by its path;</li>
 *   <li>the problems it may answer, as RFC 9457 {@code application/problem+json} with the {@code Problem} schema:
 *       400, 401, 403 and 500 for all; 404 where the path names a thing; 409 for changes; 412 and 428 where a change
 *       takes {@code If-Match}.</li>
 *   <li>which fields a body requires and what they mean, from the records behind the schemas ({@link RecordSchemas});
 *       </li>
 *   <li>an example of every JSON request and response body ({@link ApiExamples}); files (Word, Excel, CSV) as
 *       binary strings.</li>
 * </ul>
 * It runs when the application is built, where Quarkus hands it the Jandex index (the constructor) in which the
 * records are found; {@code mp.openapi.filter} would run it again at start-up without one.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocument implements OASFilter {

    public static final String SCHEME = "bearer";

    /** Path fragment → tag, first match wins: the features a department's developer looks for. */
    static final List<Map.Entry<String, String>> FEATURES = List.of(
            Map.entry("/admin/", "运维 Operations"),
            Map.entry("/audit", "审计导出 Audit export"),
            Map.entry("/supervision-notice.docx", "督办文书 Documents"),
            Map.entry("/rectification-report.docx", "督办文书 Documents"),
            Map.entry("/timeline", "问题时间线 Finding timelines"),
            Map.entry("/tasks", "整改任务 Tasks"),
            Map.entry("/outside-problems", "外部问题清单 Outside problem lists"),
            Map.entry("/rectification-plan", "整改方案 Rectification plan"),
            Map.entry("/responsible-units", "责任单位 Responsible units"),
            Map.entry("/recognition", "创建进程 Road to recognition"),
            Map.entry("/responsibilities", "责任分工与创建安排 Responsibilities and campaign"),
            Map.entry("/campaign", "责任分工与创建安排 Responsibilities and campaign"),
            Map.entry("/scorecard", "整改考核 Scorecards"),
            Map.entry("/bulletins", "通报简报 Bulletins"),
            Map.entry("/notices", "通报 Notices"),
            Map.entry("/webhooks", "推送订阅 Webhooks"),
            Map.entry("/findings", "问题清单 Findings"),
            Map.entry("/ledger", "台账 Ledgers"),
            Map.entry("/readiness", "验收条件 Readiness"),
            Map.entry("/variation", "差异系数 Coefficients of variation"),
            Map.entry("/catchment", "就近划片入学 Catchment"),
            Map.entry("/simulate", "模拟测算 Simulation"),
            Map.entry("/standards", "评估标准 Standards"),
            Map.entry("/evaluation-settings", "评估设置 Evaluation settings"),
            Map.entry("/import-templates", "批量导入 Imports"),
            Map.entry("/imports", "批量导入 Imports"),
            Map.entry("/statistics", "学校统计数据 School statistics"),
            Map.entry("/county-figures", "县级数据 County figures"),
            Map.entry("/attestations", "督导认定 Attestations"),
            Map.entry("/schools", "学校名录 School register"));

    static final String PROBLEM = "Problem";

    /** The schema SmallRye makes of {@code com.fasterxml.jackson.databind.JsonNode}. */
    static final String ANY_JSON = "JsonNode";

    private final RecordSchemas records;

    public ApiDocument(IndexView index) {
        ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                ApiDocument.class.getClassLoader());
        List<Class<?>> roots = new ArrayList<>();
        for (ClassInfo type : index.getKnownClasses()) {
            if (type.isRecord()) {
                try {
                    roots.add(Class.forName(type.name().toString(), false, loader));
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    // indexed but not on this class path: nothing SmallRye could have described either
                }
            }
        }
        this.records = new RecordSchemas(roots);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas() == null ? Map.of()
                : openAPI.getComponents().getSchemas();
        schemas.forEach((name, schema) -> records.recordOf(name, schema)
                .ifPresent(type -> RecordSchemas.describe(schema, type)));
        schemas.values().forEach(schema -> namedMembers(schema, schemas));
        if (schemas.containsKey(ANY_JSON)) {
            // SmallRye describes Jackson's tree by its getters (isArray, nodeType …): it is any JSON value
            openAPI.getComponents().addSchema(ANY_JSON, OASFactory.createSchema()
                    .description("任意 JSON 值，如事件原文 (any JSON value, e.g. an event as recorded)"));
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ApiExamples examples = new ApiExamples(openAPI.getComponents().getSchemas());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                feature(path).ifPresent(operation::addTag);
            }
            problems(path, method, operation);
            bodies(operation, examples);
        }));
    }

    /**
     * A union told apart by a property ({@code "type": "AddTeachers"}): each member's schema carries that property,
     * required and fixed to the member's name — Jackson writes and demands it, SmallRye does not list it.
     */
    private static void namedMembers(Schema union, Map<String, Schema> schemas) {
        if (union.getDiscriminator() == null || union.getDiscriminator().getMapping() == null) {
            return;
        }
        String property = union.getDiscriminator().getPropertyName();
        union.getDiscriminator().getMapping().forEach((name, ref) -> {
            Schema member = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (member == null || member.getProperties() != null && member.getProperties().containsKey(property)) {
                return;
            }
            Map<String, Schema> properties = new java.util.LinkedHashMap<>();
            properties.put(property, OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue(name)
                    .description("类别 (kind)，固定为 " + name));
            if (member.getProperties() != null) {
                properties.putAll(member.getProperties());
            }
            member.setProperties(properties);
            List<String> required = new ArrayList<>(List.of(property));
            if (member.getRequired() != null) {
                required.addAll(member.getRequired());
            }
            member.setRequired(required);
        });
    }

    /** An example for each JSON body the operation takes or answers with; files described as binary. */
    private static void bodies(Operation operation, ApiExamples examples) {
        if (operation.getRequestBody() != null) {
            exemplify(operation.getRequestBody().getContent(), examples);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    exemplify(response.getContent(), examples);
                }
            });
        }
    }

    private static void exemplify(Content content, ApiExamples examples) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (type.contains("json")) {
                if (media.getSchema() != null && media.getExample() == null
                        && (media.getExamples() == null || media.getExamples().isEmpty())) {
                    media.setExample(examples.of(media.getSchema()));
                }
            } else if (media.getSchema() == null && !type.startsWith("text/event-stream")) {
                media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary"));
            }
        });
    }

    static java.util.Optional<String> feature(String path) {
        return FEATURES.stream().filter(feature -> path.contains(feature.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/")) {
            return;
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        add(responses, "400", "输入有误：字段、行列或参数在 errors 中逐一列出 (invalid input, each mistake named in errors)");
        add(responses, "401", "缺少或无效的令牌 (no valid bearer token)");
        add(responses, "403", "无权进行此操作 (the caller's role or district may not)");
        if (path.contains("{") && !path.endsWith("{district}")) {
            add(responses, "404", "未找到，或不在调用者可见范围内 (not found, or not the caller's to see)");
        }
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (change) {
            add(responses, "409", "与当前状态冲突，原因见 detail (conflicts with the current state)");
        }
        boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        if (ifMatch) {
            add(responses, "412", "数据已被他人修改，请重新读取 (If-Match is stale)");
        }
        add(responses, "500", "服务内部错误，本次请求未作任何修改 (internal error; nothing changed)");
    }

    private static void add(APIResponses responses, String status, String description) {
        Content problem = OASFactory.createContent().addMediaType(ProblemMappers.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
        org.eclipse.microprofile.openapi.models.responses.APIResponse given = responses.getAPIResponse(status);
        if (given == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem));
        } else if (given.getContent() == null || given.getContent().getMediaTypes() == null
                || given.getContent().getMediaTypes().isEmpty()) {
            // SmallRye's own "Bad Request" for an operation that reads a body: the same problem, in our words
            given.description(description).content(problem);
        }
    }

    /** RFC 9457 as every service answers it (ProblemMappers). */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text.description("the field as sent: a JSON path (items[3].dueDate), a "
                        + "query parameter, or a row and column of a file"))
                .addProperty("value", OASFactory.createSchema().description("the value refused, when safe to show"))
                .addProperty("reason", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("why, in Chinese with English"))
                .addProperty("level", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of("error", "warning")));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 问题详情 (problem details)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("stable, e.g. https://junheng.org/problems/stale-version"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Chinese with English, e.g. 输入有误 (invalid input)"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(error))
                .example(Map.of("type", ProblemMappers.TYPE_BASE + "validation", "title", "输入有误 (invalid input)",
                        "status", 400, "detail", "整改项目有误 (the project is malformed)", "errors",
                        List.of(Map.of("field", "taskIds[1]", "reason", "不是本区2024年度的整改任务 (not a task of the "
                                + "district's year)", "level", "error"))));
    }
}
