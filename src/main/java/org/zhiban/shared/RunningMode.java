package org.zhiban.shared;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Trying it out (embedded H2, demo data, a "试用模式" banner) or production (PostgreSQL named by
 * {@code ZHIBAN_DB_URL}). Production is chosen by setting {@code ZHIBAN_DB_URL} or {@code zhiban.mode=production};
 * in production the application refuses to start on the embedded database unless explicitly allowed, so
 * that nobody runs a province on a file database by mistake.
 */
public final class RunningMode implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    public static boolean isEmbedded(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
    }

    public static boolean isProduction(Environment environment) {
        return "production".equalsIgnoreCase(environment.getProperty("zhiban.mode", ""))
                || environment.containsProperty("ZHIBAN_DB_URL");
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** Runs before any bean is created, so no embedded database file is opened in a refused start. */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (isProduction(environment) && isEmbedded(environment)
                && !environment.getProperty("zhiban.allow-embedded-database-in-production", Boolean.class, false)) {
            throw new IllegalStateException("生产模式不能使用嵌入式数据库：请以 ZHIBAN_DB_URL、ZHIBAN_DB_USER、ZHIBAN_DB_PASSWORD "
                    + "指定 PostgreSQL（Production mode refuses the embedded H2 database; set ZHIBAN_DB_URL to a "
                    + "PostgreSQL database, or zhiban.allow-embedded-database-in-production=true to override).");
        }
    }
}
