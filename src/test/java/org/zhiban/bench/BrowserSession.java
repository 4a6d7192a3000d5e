package org.zhiban.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A browser's session, as a person's: the login form with its CSRF token, then pages with the session cookie, each
 * timed until its last byte; and the page's live stream of Server-Sent Events.
 */
final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    private BrowserSession(String base) {
        this.base = base;
    }

    static BrowserSession logIn(String base, String username, String password) {
        BrowserSession session = new BrowserSession(base);
        Matcher csrf = CSRF.matcher(session.get("/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page carries no CSRF token");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + login.statusCode() + " " + location);
        }
        return session;
    }

    /** A page as a browser asks for it. */
    Page get(String path) {
        return get(path, Map.of());
    }

    /** A page or fragment; {@code headers} as htmx adds them for a fragment. */
    Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET();
        headers.forEach(request::header);
        long started = System.nanoTime();
        HttpResponse<String> response = send(request.build());
        long took = System.nanoTime() - started;
        return new Page(response.statusCode(), response.body(), response.body().getBytes(StandardCharsets.UTF_8).length,
                took);
    }

    /** The fragment request htmx sends when a live list refreshes itself. */
    Page fragment(String path) {
        return get(path, Map.of("HX-Request", "true", "HX-Current-URL", base + path));
    }

    /**
     * Opens the live stream and hands each event (name, data) to {@code onEvent} on a thread of its own, until the
     * stream ends or is closed; the call returns once the server has answered, so that no event after it is missed.
     */
    AutoCloseable listen(String path, BiConsumer<String, String> onEvent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        Thread reader = new Thread(() -> {
            String event = "message";
            Iterator<String> lines = response.body().iterator();
            while (hasNext(lines)) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                }
                else if (line.startsWith("data:")) {
                    onEvent.accept(event, line.substring(5).trim());
                }
                else if (line.isEmpty()) {
                    event = "message";
                }
            }
        }, "sse-" + path);
        reader.setDaemon(true);
        reader.start();
        // Closing ends the request, so that the server's graceful shutdown does not wait for an open stream.
        return () -> response.body().close();
    }

    private static boolean hasNext(Iterator<String> lines) {
        try {
            return lines.hasNext();
        }
        catch (RuntimeException closed) {
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page as received: status, body, its size in bytes and the time until its last byte. */
    record Page(int status, String body, long bytes, long nanos) {
    }
}
