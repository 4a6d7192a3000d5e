package org.zhiban.support;

import java.util.Map;

/**
 * The database the integration tests run on, chosen by the system property {@code zhiban.test.database}:
 * an in-memory H2 in PostgreSQL mode (default), or the machine's PostgreSQL ({@code postgres}), whose
 * location {@code ZHIBAN_TEST_PG_URL} may override.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("zhiban.test.database", "h2"));
    }

    public static Map<String, String> properties() {
        if (isPostgres()) {
            return Map.of(
                    "spring.datasource.url", url(),
                    "spring.datasource.username", user(),
                    "spring.datasource.password", password());
        }
        return Map.of(
                "spring.datasource.url",
                "jdbc:h2:mem:zhiban;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    /** The PostgreSQL JDBC URL the tests use. */
    public static String url() {
        return env("ZHIBAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return env("ZHIBAN_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("ZHIBAN_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
