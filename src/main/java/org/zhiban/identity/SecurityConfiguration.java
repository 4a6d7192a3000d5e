package org.zhiban.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.shared.ProblemWriter;

/**
 * Two filter chains: the REST API under {@code /api/**} is stateless and takes bearer tokens only (so a
 * browser's session cookie can never be used against it from another site); pages use form login with a
 * session that ends after 30 idle minutes, kept in the database so that any instance can serve it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = { "/login", "/login/password-change", "/setup", "/webjars/**", "/css/**",
            "/js/**", "/img/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/feeds/duty/*" };

    /**
     * Stored hashes name their algorithm: new ones take the configured one (bcrypt, or PBKDF2 with HMAC-SM3 where an
     * assessor asks for SM algorithms), and one of another algorithm is made again at its owner's next login.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${zhiban.security.password-hash:bcrypt}") String algorithm,
            @Value("${zhiban.security.pbkdf2-sm3-iterations:100000}") int iterations) {
        Map<String, PasswordEncoder> encoders = Map.of("bcrypt", new BCryptPasswordEncoder(),
                Pbkdf2Sm3PasswordEncoder.ID, new Pbkdf2Sm3PasswordEncoder(iterations));
        if (!encoders.containsKey(algorithm)) {
            throw new IllegalStateException("zhiban.security.password-hash 只能是 bcrypt 或 pbkdf2-sm3（is bcrypt or "
                    + "pbkdf2-sm3），而不是 " + algorithm);
        }
        return new DelegatingPasswordEncoder(algorithm, encoders);
    }

    @Bean
    AuthenticationProvider accountAuthenticationProvider(Logins logins) {
        return new AccountAuthenticationProvider(logins);
    }

    /**
     * A wrong password returns to the login page with the reason; a right one that someone else set leads to the
     * change of password instead, without signing in.
     */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException, ServletException {
        if (e instanceof CredentialsExpiredException) {
            request.getSession().setAttribute(PasswordChanges.TYPED_USERNAME, request.getParameter("username"));
            response.sendRedirect(request.getContextPath() + "/login/password-change");
            return;
        }
        new SimpleUrlAuthenticationFailureHandler("/login?error").onAuthenticationFailure(request, response, e);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ProblemWriter problems, AuditTrail audit)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.API)))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens", "/api/v1/auth/password-changes")
                        .permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response, 401,
                                "UNAUTHENTICATED", "请先获取访问令牌，并以 Authorization: Bearer <令牌> 发送"))
                        .accessDeniedHandler(new DeniedAccessAuditing(audit, (request, response, e) -> problems
                                .write(request, response, 403, "FORBIDDEN", "无权执行此操作"))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AuditTrail audit) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfiguration::loginFailed)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record("LOGOUT", "account:" + authentication.getName(), AuditOutcome.SUCCESS,
                                        "网页退出");
                            }
                        })
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(exceptions -> exceptions
                        .accessDeniedHandler(new DeniedAccessAuditing(audit, new AccessDeniedHandlerImpl())))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(ContentSecurityPolicies.pages()));
        return http.build();
    }
}
