package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zhiban.reporting.IncidentCategory;
import org.zhiban.reporting.Severity;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /v3/api-docs} says what a client needs to call every operation: how to
 * authenticate, every problem it may answer with, each body's own schema, enums as enums, and a summary and a
 * description for every operation and parameter. The document is written to {@code target/openapi.json}, which
 * {@code .ci/run} lints with Redocly's recommended rules.
 */
class ApiDocumentIntegrationTests extends IntegrationTestSupport {

    private static final Path WRITTEN = Path.of("target", "openapi.json");

    @Autowired
    BuildProperties build;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void theDocumentDescribesTheRestApiAndIsWrittenForTheLint() throws IOException {
        Api.Response response = api().get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        Files.writeString(WRITTEN, response.body());
        JsonNode document = response.json();

        assertThat(document.at("/info/title").asString()).isEqualTo("Zhiban 政务值班 API");
        assertThat(document.at("/info/version").asString()).isEqualTo(build.getVersion());
        assertThat(document.at("/info/description").asString()).contains("Authorization: Bearer")
                .contains("application/problem+json");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0").propertyNames()).containsExactly("bearer");
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .contains("status", "title", "detail", "code", "errors");
        assertThat(document.get("paths").propertyNames()).contains("/api/v1/units", "/api/v1/units/{id}",
                "/api/v1/units/{id}/children", "/api/v1/units/{id}/people", "/api/v1/people/{id}/phone-reveals",
                "/api/v1/auth/tokens", "/api/v1/accounts", "/api/v1/audit-records",
                "/api/v1/audit-records/chain-checks");

        Set<String> operationIds = new HashSet<>();
        List<String> faults = new ArrayList<>();
        operations(document).forEach((name, operation) -> {
            if (operation.path("summary").asString("").isBlank()) {
                faults.add(name + ": no summary");
            }
            if (!operationIds.add(operation.path("operationId").asString(""))) {
                faults.add(name + ": operationId " + operation.path("operationId") + " missing or not unique");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("description").asString("").isBlank()) {
                    faults.add(name + ": parameter " + parameter.get("name").asString() + " undescribed");
                }
            }
            JsonNode responses = operation.get("responses");
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            boolean pathId = operation.path("parameters").valueStream()
                    .anyMatch(p -> "path".equals(p.get("in").asString()));
            boolean body = operation.has("requestBody");
            expect(faults, name, responses, !open, "401", "403");
            expect(faults, name, responses, pathId, "404");
            expect(faults, name, responses, body, "400", "413", "415");
            expect(faults, name, responses, !open && !name.startsWith("GET "), "409");
            for (var entry : responses.properties()) {
                if (entry.getKey().startsWith("4") && !"#/components/schemas/Problem".equals(
                        entry.getValue().at("/content/application~1problem+json/schema/$ref").asString(""))) {
                    faults.add(name + ": " + entry.getKey() + " is not a problem response");
                }
            }
        });
        assertThat(faults).isEmpty();

        // Two request bodies of the same simple name once shared one schema: each has its own now.
        assertThat(schemaOf(document, "POST", "/api/v1/obligations").get("properties").propertyNames())
                .contains("unitId", "kind", "title", "dueAt");
        assertThat(schemaOf(document, "PUT", "/api/v1/roster-slots/{slotId}").get("properties").propertyNames())
                .containsExactly("personId");
        JsonNode incident = schemaOf(document, "POST", "/api/v1/incidents").get("properties");
        assertThat(incident.at("/category/enum").valueStream().map(JsonNode::asString))
                .containsExactly(Arrays.stream(IncidentCategory.values()).map(Enum::name).toArray(String[]::new));
        assertThat(incident.at("/severity/enum").valueStream().map(JsonNode::asString))
                .containsExactly(Arrays.stream(Severity.values()).map(Enum::name).toArray(String[]::new));
    }

    /** The document's security is the filter chain's: only the operations it marks public answer without a token. */
    @Test
    void everyOperationButThePublicOnesRefusesACallWithoutAToken() {
        JsonNode document = api().get("/v3/api-docs", null).json();
        Set<String> open = new TreeSet<>();
        List<String> faults = new ArrayList<>();
        operations(document).forEach((name, operation) -> {
            String method = name.substring(0, name.indexOf(' '));
            String path = name.substring(name.indexOf(' ') + 1)
                    .replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            Api.Response response = switch (method) {
                case "GET" -> api().get(path, null);
                case "POST" -> api().post(path, null, "{}");
                case "PUT" -> api().put(path, null, "{}");
                case "DELETE" -> api().delete(path, null);
                default -> throw new IllegalStateException(name);
            };
            boolean documentedOpen = operation.has("security") && operation.get("security").isEmpty();
            if (documentedOpen) {
                open.add(name);
            }
            if (documentedOpen == (response.status() == 401)) {
                faults.add(name + " → " + response);
            }
        });
        assertThat(faults).isEmpty();
        assertThat(open).containsExactly("POST /api/v1/auth/password-changes", "POST /api/v1/auth/tokens");
    }

    /**
     * springdoc names a schema by the class's simple name, so two types of one name share one schema and one of them
     * is documented wrongly. Every type a REST operation reads or writes has a schema name of its own.
     */
    @Test
    void everyTypeTheApiReadsOrWritesHasASchemaNameOfItsOwn() {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod handler : handlers.getHandlerMethods().values()) {
            if (!handler.getBeanType().getSimpleName().endsWith("Api")) {
                continue;
            }
            collect(handler.getMethod().getGenericReturnType(), seen);
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(parameter.getGenericParameterType(), seen);
                }
            }
        }
        for (Class<?> type : seen) {
            Schema schema = type.getAnnotation(Schema.class);
            String name = schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
            classesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(type.getName());
        }
        assertThat(classesByName).as("schema names").hasSizeGreaterThan(50);
        assertThat(classesByName.entrySet()).filteredOn(e -> e.getValue().size() > 1).isEmpty();
    }

    private static void expect(List<String> faults, String name, JsonNode responses, boolean applies,
            String... statuses) {
        for (String status : statuses) {
            if (applies && !responses.has(status)) {
                faults.add(name + ": no " + status);
            }
        }
    }

    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
            }
        }
        return operations;
    }

    private static JsonNode schemaOf(JsonNode document, String method, String path) {
        String ref = document.get("paths").get(path).get(method.toLowerCase())
                .at("/requestBody/content/application~1json/schema/$ref").asString();
        return document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The application's own types in a Java type, and in their components and fields, as far as they go. */
    private static void collect(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), seen);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> collect(argument, seen));
            return;
        }
        if (!(type instanceof Class<?> cls)) {
            return;
        }
        if (cls.isArray()) {
            collect(cls.getComponentType(), seen);
            return;
        }
        if (cls.isEnum() || !cls.getName().startsWith("org.zhiban.") || !seen.add(cls)) {
            return;
        }
        if (cls.isRecord()) {
            for (RecordComponent component : cls.getRecordComponents()) {
                collect(component.getGenericType(), seen);
            }
            return;
        }
        for (Field field : cls.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                collect(field.getGenericType(), seen);
            }
        }
    }
}
