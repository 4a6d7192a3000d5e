package org.zhiban.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;
import org.zhiban.shared.Page;
import org.zhiban.shared.Problems;

/**
 * The OpenAPI document as a client needs it: what the API is, how to authenticate, and the problem responses each
 * operation can give. The problems and the common parameters are derived from each operation (its method, body and
 * parameters), so that an operation added later is documented like the others without a line of its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    private static final String BEARER = "bearer";

    private static final String PROBLEM = "Problem";

    private static final String FIELD_PROBLEM = "FieldProblem";

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The resource a path's {@code {id}} names, by the path segment before it. */
    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("units", "单位"),
            Map.entry("people", "人员"),
            Map.entry("accounts", "账号"),
            Map.entry("password-resets", "密码重置申请"),
            Map.entry("rosters", "值班表"),
            Map.entry("swaps", "调班申请"),
            Map.entry("duty-unavailability", "请假登记"),
            Map.entry("calendar-feeds", "日历订阅地址"),
            Map.entry("obligations", "时限事项"),
            Map.entry("notifications", "消息"),
            Map.entry("incidents", "事件"),
            Map.entry("verification-requests", "核实要求"),
            Map.entry("handovers", "交接单"),
            Map.entry("entries", "值班日志记录"),
            Map.entry("attachments", "附件"),
            Map.entry("absence-notices", "外出报备"),
            Map.entry("obituary-notices", "讣告信息"));

    /** Parameters that mean the same wherever they appear; an operation's own {@code @Parameter} comes first. */
    private static final Map<String, String> COMMON_PARAMETERS = Map.of(
            "unitId", "单位的 id",
            "personId", "人员的 id",
            "subtree", "true 时包括全部下级单位",
            "page", "页码，从 1 起",
            "size", "每页条数，1 至 " + Page.MAX_SIZE,
            "year", "年份，如 2026",
            "month", "月份，YYYY-MM，如 2026-12",
            "day", "日期，YYYY-MM-DD",
            "date", "日期，YYYY-MM-DD");

    private static final String DESCRIPTION = """
            政务值班综合应用系统（Zhiban）的 REST API：单位与人员、账号、值班表与调班、值班日志、交接班、信息报送、\
            时限事项与及时率台账等。API 与页面遵循同一套规则、同一数据范围：一个账号看到并办理本单位及其下级单位的事务。
            The REST API of Zhiban, an open-source duty-office system for Chinese government bodies.

            ## 认证 Authentication
            以 `POST /api/v1/auth/tokens` 提交 `{"username","password"}`，换取 `{"token","expiresAt"}`；此后每个请求带\
            请求头 `Authorization: Bearer <token>`。`DELETE /api/v1/auth/tokens/current` 注销当前令牌。连续 5 次密码\
            错误锁定账号 30 分钟。管理员设置或重置的密码，须先以 `POST /api/v1/auth/password-changes` 改为本人的密码，\
            才能换取令牌。

            ## 约定 Conventions
            JSON；时间为带时区的 ISO-8601（`2026-10-01T08:30:00+08:00`），日期 `YYYY-MM-DD`，时长 ISO-8601\
            （`PT8M`、`P5D`）；id 为不透明的字符串。请求中不认识的字段被拒绝（400 `UNKNOWN_FIELD`），不会被忽略；\
            %s时答复 413（上传文件另有限制）。

            ## 错误 Errors
            每个错误都是 RFC 9457 问题详情，`Content-Type: application/problem+json`（见 `Problem`）：`status`，中文的 \
            `title` 与 `detail`（可直接展示给用户），稳定的 `code`（如 `VALIDATION_FAILED`、`ROSTER_RULE_VIOLATED`，\
            供程序判断），校验失败时 `errors` 逐项列出每个不符合要求的字段。不在本账号数据范围内的 id 与不存在的 id \
            一样答复 404。
            """;

    @Bean
    OpenApiCustomizer zhibanApiDocument(ObjectProvider<BuildProperties> build, RequestBodyLimitFilter bodyLimit) {
        // The build's version (META-INF/build-info.properties); a run from an IDE that skipped Maven has none.
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        return openApi -> {
            openApi.info(new Info().title("Zhiban 政务值班 API").version(version)
                    .description(DESCRIPTION.formatted(bodyLimit.refusal())));
            // Relative to the document, so that it holds behind any proxy and host name.
            openApi.servers(List.of(new Server().url("/").description("提供本文档的服务器")));
            Components components = openApi.getComponents();
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("POST /api/v1/auth/tokens 换取的访问令牌"));
            components.addSchemas(FIELD_PROBLEM, fieldProblemSchema()).addSchemas(PROBLEM, problemSchema());
            openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                describeParameters(path, operation);
                operation.setResponses(withProblems(method, operation, bodyLimit.refusal()));
            }));
        };
    }

    /**
     * Operation ids from the controller and its method ({@code UnitApi.get} is {@code unitGet}): springdoc numbers
     * clashing method names ({@code get_1} … {@code get_8}) in the order it meets them, so its ids could change
     * whenever an operation is added, and a generated client's method names with them.
     */
    @Bean
    OperationCustomizer stableOperationIds() {
        return (operation, handler) -> operation.operationId(operationId(handler));
    }

    static String operationId(HandlerMethod handler) {
        String controller = ClassUtils.getUserClass(handler.getBeanType()).getSimpleName().replaceFirst("Api$", "");
        return StringUtils.uncapitalize(controller) + StringUtils.capitalize(handler.getMethod().getName());
    }

    private static void describeParameters(String path, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getDescription() == null) {
                parameter.setDescription(commonDescription(path, parameter));
            }
        }
    }

    private static String commonDescription(String path, Parameter parameter) {
        String name = parameter.getName();
        boolean instant = "date-time".equals(parameter.getSchema().getFormat());
        return switch (name) {
            case "id" -> {
                String before = path.substring(0, path.indexOf("/{id}"));
                String resource = RESOURCES.get(before.substring(before.lastIndexOf('/') + 1));
                yield resource == null ? null : resource + "的 id";
            }
            case "from" -> instant ? "时段的开始，带时区的 ISO-8601 时间，如 2026-10-01T08:30:00+08:00" : "时段的开始日期，YYYY-MM-DD";
            case "to" -> instant ? "时段的结束，带时区的 ISO-8601 时间，如 2026-10-01T08:30:00+08:00" : "时段的结束日期，YYYY-MM-DD";
            default -> COMMON_PARAMETERS.get(name);
        };
    }

    /**
     * The problems an operation can answer with, by what it takes: bad input where it takes a body or parameters,
     * 401 and 403 where a token is needed, 404 where the path names something, 409 where it changes state, 413 and
     * 415 where it takes a body. Responses an operation declares itself keep their description; every 4xx gets the
     * problem body.
     */
    private static ApiResponses withProblems(PathItem.HttpMethod method, Operation operation, String tooLarge) {
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        // An id that cannot be parsed is one that does not exist: 404, not 400 (ProblemHandler).
        boolean input = body || parameters.stream().anyMatch(p -> !"header".equals(p.getIn())
                && !("path".equals(p.getIn()) && "uuid".equals(p.getSchema().getFormat())));
        boolean multipart = body && operation.getRequestBody().getContent().containsKey("multipart/form-data");

        Map<String, String> problems = new TreeMap<>();
        if (input) {
            problems.put("400", "请求内容或参数不符合要求，errors 逐项列出每个字段（VALIDATION_FAILED、"
                    + "UNKNOWN_FIELD、MALFORMED_JSON 等）");
        }
        if (!open) {
            problems.put("401", "缺少访问令牌，或令牌无效、已过期、已注销（UNAUTHENTICATED、TOKEN_INVALID）");
            problems.put("403", "账号的角色或数据范围不允许（FORBIDDEN 等）");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            problems.put("404", "所指的对象不存在，或不在本账号的数据范围内（两者答复相同）");
        }
        if (!open && method != PathItem.HttpMethod.GET) {
            problems.put("409", "当前状态不允许此操作，或数据已被他人修改（CONCURRENT_MODIFICATION 等）");
        }
        if (body) {
            problems.put("413", multipart ? "上传的文件超过大小限制" : tooLarge);
            problems.put("415", "请以本操作所列的类型发送");
        }

        ApiResponses responses = new ApiResponses();
        Map<String, ApiResponse> declared = new TreeMap<>(operation.getResponses());
        problems.forEach((status, description) -> declared.putIfAbsent(status,
                new ApiResponse().description(Problems.title(Integer.parseInt(status)) + "：" + description)));
        declared.forEach((status, response) -> responses.addApiResponse(status,
                status.startsWith("4") ? response.content(problemContent()) : response));
        return responses;
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 问题详情（application/problem+json）")
                .addProperty("status", new IntegerSchema().format("int32").description("HTTP 状态码"))
                .addProperty("title", new StringSchema().description("标题（中文），随状态码而定"))
                .addProperty("detail", new StringSchema().description("说明（中文），可直接展示给用户"))
                .addProperty("code", new StringSchema()
                        .description("稳定的错误代码，供程序判断，如 VALIDATION_FAILED、ROSTER_RULE_VIOLATED"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("出错的请求路径"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                        .description("校验失败时，每个不符合要求的字段一项"))
                .required(List.of("status", "title", "detail", "code"));
    }

    private static Schema<?> fieldProblemSchema() {
        return new ObjectSchema()
                .description("一个不符合要求的字段或参数")
                .addProperty("field", new StringSchema().description("字段或参数名，嵌套的字段如 shifts[0].name"))
                .addProperty("message", new StringSchema().description("该字段的问题（中文）"))
                .required(List.of("field", "message"));
    }
}
