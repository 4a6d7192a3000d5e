package org.zhiban.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.zhiban.shared.Problems;

/**
 * What the servlet container shows for an error that no controller answered: a friendly page in Chinese
 * for people, a problem document for programs.
 */
@Controller
@RequestMapping("/error")
class ErrorPages implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        int status = status(request);
        String message = message(request, status);
        ModelAndView view = new ModelAndView("error", Map.of("status", status, "title", Problems.title(status),
                "message", message));
        view.setStatus(org.springframework.http.HttpStatus.valueOf(status));
        return view;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        int status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = Problems.of(status, status == 404 ? "NOT_FOUND" : status >= 500 ? "INTERNAL_ERROR"
                : "BAD_REQUEST", message(request, status), uri == null ? null : uri.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Asked for directly, rather than forwarded to by the container, /error is a page that does not exist. */
    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer i ? i : 404;
    }

    private static String message(HttpServletRequest request, int status) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (message instanceof String text && !text.isBlank() && status < 500 && containsChinese(text)) {
            return text;
        }
        return switch (status) {
            case 401 -> "请先登录。";
            case 403 -> "您没有权限访问此页面。";
            case 404 -> "页面不存在，请检查地址是否正确。";
            case 405 -> "不支持此操作方式。";
            default -> status >= 500 ? "系统内部错误，请稍后重试；如反复出现请联系系统管理员。" : "请求有误。";
        };
    }

    /** Container messages are English; only our own Chinese details are shown to people. */
    private static boolean containsChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
