package org.zhiban.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages as a browser fetches them, without a browser: logged in through the login form, the session kept in a
 * cookie, redirects not followed, HTML asked for — for tests and benchmarks that read a page's markup.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in with the demo password; fails unless the form sends the user on to a page. */
    public PageSession logIn(String username) {
        return logIn(username, Api.DEMO_PASSWORD);
    }

    public PageSession logIn(String username, String password) {
        Matcher csrf = CSRF.matcher(get("/login", Map.of()).body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page carries no CSRF token");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + login.statusCode() + " " + location);
        }
        return this;
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    /** A GET as a browser sends it (asking for HTML) unless the headers ask for something else. */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "text/html");
        }
        return send(request.build());
    }

    /** A download of a page route: the raw bytes of a successful response. */
    public byte[] bytes(String path) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return browser.send(request, body);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
