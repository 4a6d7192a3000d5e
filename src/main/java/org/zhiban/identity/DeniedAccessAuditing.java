package org.zhiban.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.zhiban.audit.AuditTrail;

/**
 * Spring Security's refusals (a missing or wrong CSRF token, a path the account may not open) go into the audit
 * trail like the application's own, then are answered as the chain answers them.
 */
final class DeniedAccessAuditing implements AccessDeniedHandler {

    private final AuditTrail audit;
    private final AccessDeniedHandler answer;

    DeniedAccessAuditing(AuditTrail audit, AccessDeniedHandler answer) {
        this.audit = audit;
        this.answer = answer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        audit.recordDenial(request, "403 " + e.getClass().getSimpleName() + "：" + e.getMessage());
        answer.handle(request, response, e);
    }
}
