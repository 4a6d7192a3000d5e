package org.zhiban.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small REST client for tests: real HTTP against the running application, JSON in and out. */
public final class Api {

    public static final String DEMO_PASSWORD = "Zhiban#2026";

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Api(String base) {
        this.base = base;
    }

    /** A token for a demo account, fetched once and reused. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, name -> {
            Response response = post("/api/v1/auth/tokens", null,
                    Map.of("username", name, "password", DEMO_PASSWORD));
            if (response.status() != 200) {
                throw new IllegalStateException("Login of " + name + " failed: " + response.body());
            }
            return response.json().get("token").asString();
        });
    }

    /** Requests as a demo account; a token that expired (the tests move the clock) is fetched anew. */
    public As as(String username) {
        return new As(username);
    }

    public final class As {

        private final String username;

        private As(String username) {
            this.username = username;
        }

        public Response get(String path) {
            return retrying(token -> Api.this.get(path, token));
        }

        public Response post(String path, Object body) {
            return retrying(token -> Api.this.post(path, token, body));
        }

        public Response put(String path, Object body) {
            return retrying(token -> Api.this.put(path, token, body));
        }

        public Response delete(String path) {
            return retrying(token -> Api.this.delete(path, token));
        }

        public Response postBytes(String path, byte[] body) {
            return retrying(token -> Api.this.postBytes(path, token, body, "application/json"));
        }

        public Response postBytes(String path, byte[] body, String contentType) {
            return retrying(token -> Api.this.postBytes(path, token, body, contentType));
        }

        /** One file as a multipart form part named {@code field}, as a browser or a client library sends it. */
        public Response postFile(String path, String field, String fileName, byte[] content) {
            String boundary = "zhiban-test-boundary";
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return postBytes(path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
        }

        /** A download: the raw bytes of a successful response. */
        public byte[] bytes(String path) {
            try {
                HttpResponse<byte[]> response = http.send(request(path, token(username)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode());
                }
                return response.body();
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Response retrying(java.util.function.Function<String, Response> call) {
            Response response = call.apply(token(username));
            if (response.status() == 401 && "TOKEN_INVALID".equals(response.code())) {
                tokens.remove(username);
                response = call.apply(token(username));
            }
            return response;
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body)))
                .build());
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body)))
                .build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response postBytes(String path, String token, byte[] body, String contentType) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A GET as a program other than a browser or API client would send it (e.g. a calendar app): no token. */
    public Response fetch(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept",
                "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), json);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, raw body and the body as JSON. */
    public record Response(int status, String body, String contentType, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
