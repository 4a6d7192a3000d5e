package org.zhiban.identity;

import java.util.List;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Content-Security-Policy of each kind of response (等保 2.0: protection against injected code). Pages run
 * scripts and styles from the application itself only: no inline script, style or handler, no eval, no other
 * origin, no framing. Swagger UI inlines its own styles, so it gets a policy of its own that allows them.
 */
final class ContentSecurityPolicies {

    static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String SWAGGER_UI = PAGES.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    /** The API answers JSON and files, never anything a browser should run or frame. */
    static final String API = "default-src 'none'; frame-ancestors 'none'";

    private ContentSecurityPolicies() {
    }

    /**
     * The page chain's policy writer. The headers DSL's {@code contentSecurityPolicy} writes one policy on every
     * response of its chain, so the two are chosen by path here instead.
     */
    static HeaderWriter pages() {
        RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        return new CompositeHeaderWriter(List.of(
                new DelegatingRequestMatcherHeaderWriter(swaggerUi, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI)),
                new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(PAGES))));
    }
}
