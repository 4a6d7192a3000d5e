package org.zhiban.shared;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as Zhiban sends them: a Chinese {@code title} and {@code detail}, a stable
 * {@code code}, and for validation failures an {@code errors} list naming each field.
 */
public final class Problems {

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "请求有误"),
            Map.entry(401, "未登录或登录已失效"),
            Map.entry(403, "无权操作"),
            Map.entry(404, "未找到"),
            Map.entry(405, "不支持的请求方法"),
            Map.entry(406, "无法提供所需格式"),
            Map.entry(409, "与现有数据冲突"),
            Map.entry(413, "请求内容过大"),
            Map.entry(415, "不支持的内容类型"),
            Map.entry(423, "账号已锁定"),
            Map.entry(429, "请求过于频繁"),
            Map.entry(500, "系统内部错误"),
            Map.entry(503, "服务暂不可用"));

    private Problems() {
    }

    public static String title(int status) {
        String title = TITLES.get(status);
        if (title != null) {
            return title;
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null && known.is4xxClientError() ? "请求有误" : "系统错误";
    }

    public static ProblemDetail of(int status, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(title(status));
        problem.setProperty("code", code);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    public static ProblemDetail of(ZhibanException e, String instance) {
        ProblemDetail problem = of(e.status(), e.code(), e.detail(), instance);
        if (!e.fieldProblems().isEmpty()) {
            problem.setProperty("errors", e.fieldProblems());
        }
        return problem;
    }

    /** The problem as a plain map, for writers outside Spring MVC (security filters). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        var map = new java.util.LinkedHashMap<String, Object>();
        if (problem.getType() != null) {
            map.put("type", problem.getType().toString());
        }
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
