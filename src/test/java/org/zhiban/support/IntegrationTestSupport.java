package org.zhiban.support;

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

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
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

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
