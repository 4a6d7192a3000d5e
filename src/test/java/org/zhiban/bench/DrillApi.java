package org.zhiban.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API of one running instance as the kill drill's programs use it (bench/drill-kill-under-load.sh): JSON in,
 * the status and JSON out, and the one distinction the drill rests on — a request that never reached the instance
 * (connection refused: safe to send again) against one that was sent and got no answer (its outcome unknown).
 */
final class DrillApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Duration timeout;

    /** An instance's API; a request not answered within the timeout counts as sent without an answer. */
    DrillApi(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    /** An answer: its status and body (empty when there was none). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The request did not reach the instance: nothing was sent, so sending it again cannot write twice. */
    static final class NotConnected extends IOException {

        private static final long serialVersionUID = 1L;

        NotConnected(IOException cause) {
            super(cause.toString(), cause);
        }
    }

    /**
     * Sends one request; throws {@link NotConnected} when no connection could be made, and any other
     * {@link IOException} when the request may have been sent but no answer came.
     */
    Answer send(String method, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (ConnectException | HttpConnectTimeoutException refused) {
            throw new NotConnected(refused);
        }
        catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new NotConnected(e);
            }
            throw e;
        }
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.missingNode()
                : JSON.readTree(body));
    }

    /** Sends a request that must succeed (the drill's setup); anything else stops the drill with the answer. */
    JsonNode require(String method, String path, String token, Object body) throws IOException, InterruptedException {
        Answer answer = send(method, path, token, body == null ? null : JSON.writeValueAsString(body));
        if (!answer.ok()) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    String token(String username, String password) throws IOException, InterruptedException {
        return require("POST", "/api/v1/auth/tokens", null,
                java.util.Map.of("username", username, "password", password)).get("token").asString();
    }
}
