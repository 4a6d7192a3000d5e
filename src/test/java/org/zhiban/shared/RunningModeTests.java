package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class RunningModeTests {

    private static final String H2 = "jdbc:h2:file:./data/zhiban;MODE=PostgreSQL";

    @Test
    void productionRefusesTheEmbeddedDatabase() {
        MockEnvironment environment = new MockEnvironment().withProperty("zhiban.mode", "production")
                .withProperty("spring.datasource.url", H2);
        assertThatThrownBy(() -> guard(environment)).hasMessageContaining("生产模式不能使用嵌入式数据库");
    }

    @Test
    void aConfiguredDatabaseUrlMeansProduction() {
        MockEnvironment environment = new MockEnvironment().withProperty("ZHIBAN_DB_URL", H2)
                .withProperty("spring.datasource.url", H2);
        assertThat(RunningMode.isProduction(environment)).isTrue();
        assertThatThrownBy(() -> guard(environment)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionOnPostgresqlStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("ZHIBAN_DB_URL", "jdbc:postgresql://db/zhiban")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/zhiban");
        guard(environment);
        assertThat(RunningMode.isEmbedded(environment)).isFalse();
    }

    @Test
    void tryingItOutUsesTheEmbeddedDatabase() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", H2);
        guard(environment);
        assertThat(RunningMode.isEmbedded(environment)).isTrue();
        assertThat(RunningMode.isProduction(environment)).isFalse();
    }

    @Test
    void anExplicitFlagAllowsTheEmbeddedDatabaseInProduction() {
        MockEnvironment environment = new MockEnvironment().withProperty("zhiban.mode", "production")
                .withProperty("spring.datasource.url", H2)
                .withProperty("zhiban.allow-embedded-database-in-production", "true");
        guard(environment);
    }

    private static void guard(MockEnvironment environment) {
        RunningMode mode = new RunningMode();
        mode.setEnvironment(environment);
        mode.postProcessBeanFactory(new DefaultListableBeanFactory());
    }
}
