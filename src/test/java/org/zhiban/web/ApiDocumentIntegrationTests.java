package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zhiban.support.IntegrationTestSupport;

/** The OpenAPI document at {@code /v3/api-docs} documents each body the REST API reads or writes by its own schema. */
class ApiDocumentIntegrationTests extends IntegrationTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

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
