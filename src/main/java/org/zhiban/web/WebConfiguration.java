package org.zhiban.web;

import java.time.Duration;

import com.fasterxml.jackson.annotation.Nulls;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

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
     * Static files under their own prefixes only ({@code spring.web.resources.add-mappings=false} drops Boot's
     * catch-all {@code /**}): every link a page renders passes the resource URL encoder, and under a catch-all each
     * one, {@code /obligations/units/…} included, was looked up on the class path — most of a superior's page time.
     * Webjar links resolve to their versioned path, so the browser keeps them for a year.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        // Our own files keep their names, so the browser revalidates them (Last-Modified) instead of keeping them.
        for (String folder : new String[] { "css", "js" }) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CacheControl.noCache())
                    .resourceChain(true);
        }
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
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
