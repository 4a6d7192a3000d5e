package org.zhiban.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import org.zhiban.support.TestDatabase;

/**
 * The packaged jar started as a user starts it — {@code java -jar} in a fresh folder, its own configuration, its
 * own clock — on the embedded default, or (in {@code -Ppostgres}) in production mode on a database of its own on the
 * machine's PostgreSQL with the demo organisation asked for. Nothing of the test suite is inside it. It can also be
 * started serving HTTPS itself, as docs/transport.md configures it.
 */
final class ShippedApplication implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    /** What the demo loader logs once the demo duty offices have their rosters; the tour waits for it. */
    private static final String DEMO_READY = "Rostered the demo organisation";

    /** The key store {@link #startOverHttps} is given is protected with this password. */
    static final String KEY_STORE_PASSWORD = "changeit";

    private final Process process;
    private final Path folder;
    private final Path log;
    private final int port;
    private final String scheme;
    private final HttpClient http;

    private ShippedApplication(Process process, Path folder, Path log, int port, String scheme, HttpClient http) {
        this.process = process;
        this.folder = folder;
        this.log = log;
        this.port = port;
        this.scheme = scheme;
        this.http = http;
    }

    /** As README starts it, with the demo organisation; ready once the demo duty offices have their rosters. */
    static ShippedApplication start() throws IOException {
        return start(List.of(), "http", HttpClient.newHttpClient(), true);
    }

    /**
     * Serving HTTPS itself with a PKCS12 key store (password {@link #KEY_STORE_PASSWORD}), without the demo
     * organisation, which TLS does not change; {@code trust} is what a client trusts to reach it.
     */
    static ShippedApplication startOverHttps(Path keyStore, SSLContext trust) throws IOException {
        return start(List.of("--server.ssl.key-store=" + keyStore.toAbsolutePath(), "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + KEY_STORE_PASSWORD, "--zhiban.demo.enabled=false"), "https",
                HttpClient.newBuilder().sslContext(trust).build(), false);
    }

    private static ShippedApplication start(List<String> arguments, String scheme, HttpClient http, boolean demo)
            throws IOException {
        Path jar = jar();
        Path folder = Files.createTempDirectory("zhiban-shipped-");
        Path log = Paths.get("target", "shipped-application.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (TestDatabase.isPostgres()) {
            String url = recreateDatabase();
            builder.environment().put("ZHIBAN_DB_URL", url);
            builder.environment().put("ZHIBAN_DB_USER", TestDatabase.user());
            builder.environment().put("ZHIBAN_DB_PASSWORD", TestDatabase.password());
            // Production loads no demo organisation unless asked to, as README says.
            builder.environment().put("ZHIBAN_DEMO_ENABLED", "true");
        }
        ShippedApplication application = new ShippedApplication(builder.start(), folder, log, port, scheme, http);
        application.awaitReady(demo);
        return application;
    }

    String baseUrl() {
        return scheme + "://localhost:" + port;
    }

    Path log() {
        return log;
    }

    /** Lines the application logged at ERROR level, for the tour to show. */
    List<String> errorLines() throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(" ERROR ")).toList();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteFolder();
    }

    /** The installation's own folder (its embedded database) goes with it; its log stays under target/. */
    private void deleteFolder() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException e) {
            System.out.println("Could not delete " + folder + ": " + e);
        }
    }

    /** Waits until health answers UP and the demo organisation has its rosters, as a person trying it would. */
    private void awaitReady(boolean demo) throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        boolean up = false;
        while (!up || demo && !logged(DEMO_READY)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The shipped application stopped with exit code " + process.exitValue()
                        + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("The shipped application was not ready within " + START_LIMIT
                        + "; see " + log);
            }
            up = up || healthy();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        }
        catch (IOException notYet) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean logged(String text) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains(text));
        }
    }

    private static Path jar() throws IOException {
        String configured = System.getProperty("zhiban.jar", "");
        if (!configured.isBlank()) {
            return Paths.get(configured);
        }
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("zhiban-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A fresh database beside the tests' own (named after it, so that runs on other test databases leave this one
     * alone), so that the tour starts from nothing, as a new installation does.
     */
    private static String recreateDatabase() {
        String testUrl = TestDatabase.url();
        String server = testUrl.substring(0, testUrl.lastIndexOf('/'));
        String testDatabase = testUrl.substring(testUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String tourDatabase = testDatabase.replaceAll("[^A-Za-z0-9_]", "_") + "_tour";
        try (Connection connection = DriverManager.getConnection(server + "/postgres", TestDatabase.user(),
                TestDatabase.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + tourDatabase + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + tourDatabase);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the tour's database on " + server, e);
        }
        return server + "/" + tourDatabase;
    }
}
