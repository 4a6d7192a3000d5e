package org.zhiban.shared;

import org.slf4j.LoggerFactory;
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

    /**
     * Measurement only: chains hashed with plain SHA-256 and personal data stored in clear, so that a benchmark can
     * state what SM3 and SM4 cost; refused in production.
     */
    public static final String WITHOUT_SM = "zhiban.benchmark.without-sm-cryptography";

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
        if (environment.getProperty(WITHOUT_SM, Boolean.class, false)) {
            if (isProduction(environment)) {
                throw new IllegalStateException(WITHOUT_SM + " 只用于测量，生产模式不能关闭国密算法（is for measurement only and "
                        + "refused in production）");
            }
            LoggerFactory.getLogger(RunningMode.class).warn("测量专用：哈希链不用 HMAC-SM3、个人信息明文存放，此库之后不可作正式使用"
                    + "（measurement only: no HMAC-SM3, personal data in clear; do not use this database afterwards）");
        }
    }
}
