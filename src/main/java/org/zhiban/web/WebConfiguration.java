package org.zhiban.web;

import com.fasterxml.jackson.annotation.Nulls;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final Shell shell;

    WebConfiguration(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(shell).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**");
    }

    /**
     * A null inside a list of a request body ({@code "shifts":[null]}) is refused where it is read, for every body at
     * once, rather than reaching a use case that counts on its elements: the problem names the element.
     */
    @Bean
    JsonMapperBuilderCustomizer nullElementsRefused() {
        return builder -> builder.changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL));
    }
}
