package org.zhiban.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on a random port, on H2 or PostgreSQL (see
 * {@link TestDatabase}), the schema rebuilt from the migrations at start, the demo organisation loaded
 * through the real use cases, and a clock the test can move. All integration tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestInfrastructure.class)
public abstract class IntegrationTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    private Api api;

    /** A real SMTP server inside the test run, shared by every test. */
    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    protected static final FakeSmsGateway SMS = new FakeSmsGateway();

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("zhiban.notification.sms-url", SMS::url);
    }

    @Autowired
    protected org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor applicationTaskExecutor;

    /**
     * Waits until every module listener has handled the events published so far: the publication registry holds
     * no unfinished publication and the listeners' executor is idle (a publication is marked complete a moment
     * before its listener's transaction commits). Polls instead of sleeping for a fixed time.
     */
    protected void awaitEventsHandled() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        int retries = 0;
        while (jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single() > 0 || applicationTaskExecutor.getActiveCount() > 0
                || !applicationTaskExecutor.getThreadPoolExecutor().getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Events still unhandled after 30 s: " + unhandledPublications());
            }
            if (retries < MAX_RETRIES && applicationTaskExecutor.getActiveCount() == 0 && jdbc.sql(
                    "SELECT COUNT(*) FROM event_publication WHERE status = 'FAILED'").query(Long.class).single() > 0) {
                // What the application does a minute on (FailedEventRetries), done now: a listener that met a passing
                // fault succeeds on its retry; one that fails every time still fails the wait, named.
                System.err.println("Retrying failed event publications: " + unhandledPublications());
                failedPublications.resubmit(org.springframework.modulith.events.ResubmissionOptions.defaults());
                retries++;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    private static final int MAX_RETRIES = 3;

    @Autowired
    private org.springframework.modulith.events.FailedEventPublications failedPublications;

    /** Which listeners hold unfinished publications, so that a timeout names the listener that failed. */
    private String unhandledPublications() {
        return jdbc.sql("""
                SELECT listener_id, event_type, status, completion_attempts, COUNT(*) AS n FROM event_publication
                WHERE completion_date IS NULL GROUP BY listener_id, event_type, status, completion_attempts""")
                .query((rs, n) -> rs.getString(1) + " <- " + rs.getString(2) + " [" + rs.getString(3) + ", attempts "
                        + rs.getInt(4) + "] x" + rs.getLong(5))
                .list() + "; executor active " + applicationTaskExecutor.getActiveCount() + ", queued "
                + applicationTaskExecutor.getThreadPoolExecutor().getQueue().size();
    }

    protected Api api() {
        if (api == null) {
            api = new Api("http://localhost:" + port);
        }
        return api;
    }

    protected String unitId(String name) {
        return jdbc.sql("SELECT id FROM unit WHERE name = ?").param(name).query((rs, n) -> rs.getString(1)).single();
    }

    protected String accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = ?").param(username)
                .query((rs, n) -> rs.getString(1)).single();
    }

    /** The person a demo account belongs to. */
    protected String personOf(String username) {
        return jdbc.sql("SELECT person_id FROM account WHERE username = ?").param(username).query(String.class).single();
    }

    /** The name of the person a demo account belongs to, as records should show who acted. */
    protected String personNameOf(String username) {
        return jdbc.sql("SELECT p.name FROM person p JOIN account a ON a.person_id = p.id WHERE a.username = ?")
                .param(username).query(String.class).single();
    }

    protected long auditCount(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = ? AND target = ?").params(action, target)
                .query(Long.class).single();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
