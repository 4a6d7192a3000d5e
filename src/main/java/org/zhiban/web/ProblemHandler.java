package org.zhiban.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.zhiban.audit.AuditTrail;
import org.zhiban.shared.Problems;
import org.zhiban.shared.ZhibanException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an answer a person can act on: an RFC 9457 problem with a stable code and a
 * Chinese detail for the REST API, or the error page for pages. Bad input is always a 4xx; only a fault of
 * ours is a 500, and it is logged.
 */
@ControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final AuditTrail audit;

    ProblemHandler(AuditTrail audit) {
        this.audit = audit;
    }

    @ExceptionHandler(ZhibanException.class)
    ResponseEntity<ProblemDetail> business(ZhibanException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e.denial()) {
            // Every refusal of access is in the audit trail, including an out-of-scope id answered as 404.
            audit.recordDenial(request, e.status() + " " + e.code() + "：" + e.detail());
        }
        return respond(request, response, Problems.of(e, request.getRequestURI()));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<ZhibanException.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldProblem)
                .toList();
        String detail = fields.isEmpty() ? "请求内容不符合要求"
                : fields.stream().map(f -> f.field() + "：" + f.message()).collect(Collectors.joining("；"));
        e.getBindingResult().getGlobalErrors().forEach(g -> log.debug("global validation error {}", g));
        return respond(request, response, Problems.of(
                new ZhibanException(400, "VALIDATION_FAILED", detail, fields), request.getRequestURI()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<ZhibanException.FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ZhibanException.FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        String detail = fields.stream().map(f -> f.field() + "：" + f.message()).collect(Collectors.joining("；"));
        return respond(request, response, Problems.of(
                new ZhibanException(400, "VALIDATION_FAILED", detail, fields), request.getRequestURI()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(unreadableBody(e), request.getRequestURI()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        ZhibanException problem;
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
                && java.util.UUID.class.equals(e.getRequiredType())) {
            // Ids are opaque: one that cannot be parsed is simply one that does not exist.
            problem = ZhibanException.notFound("NOT_FOUND", "未找到：" + e.getValue());
        }
        else {
            problem = ZhibanException.invalidField(e.getName(), "参数 " + e.getName() + " 的值“" + e.getValue() + "”格式不正确"
                    + typeHint(e.getRequiredType()));
        }
        return respond(request, response, Problems.of(problem, request.getRequestURI()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(
                ZhibanException.invalidField(e.getParameterName(), "缺少参数 " + e.getParameterName()),
                request.getRequestURI()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(400, "MISSING_HEADER", "缺少请求头 " + e.getHeaderName(),
                request.getRequestURI()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(405, "METHOD_NOT_ALLOWED",
                "此地址不支持 " + e.getMethod() + " 请求", request.getRequestURI()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(415, "UNSUPPORTED_MEDIA_TYPE",
                "请以 application/json 发送请求内容", request.getRequestURI()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(406, "NOT_ACCEPTABLE", "无法以所要求的格式返回结果",
                request.getRequestURI()));
    }

    /** No controller and no static file under the prefixes WebConfiguration maps: the address does not exist. */
    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
    ResponseEntity<ProblemDetail> noResource(Exception e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(404, "NOT_FOUND", "地址不存在：" + request.getRequestURI(),
                request.getRequestURI()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> upload(MaxUploadSizeExceededException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(413, "PAYLOAD_TOO_LARGE", "上传的文件超过大小限制",
                request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        audit.recordDenial(request, "403 FORBIDDEN：" + e.getMessage());
        return respond(request, response, Problems.of(403, "FORBIDDEN", "无权执行此操作", request.getRequestURI()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(request, response, Problems.of(409, "CONCURRENT_MODIFICATION", "数据已被他人修改，请刷新后重试",
                request.getRequestURI()));
    }

    /** A page closed its live stream: nothing to answer and nothing wrong. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    ResponseEntity<ProblemDetail> clientGone(Exception e) {
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // A browser that left mid-download (a page closed or navigated away) is not a failure of ours.
            log.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI());
            return null;
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, response, Problems.of(500, "INTERNAL_ERROR", "系统内部错误，请稍后重试；如反复出现请联系系统管理员",
                request.getRequestURI()));
    }

    /** The API gets the problem itself; a page request is forwarded to the error page with the message. */
    private static ResponseEntity<ProblemDetail> respond(HttpServletRequest request, HttpServletResponse response,
            ProblemDetail problem) throws IOException {
        if (ApiPaths.isApi(request)) {
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.sendError(problem.getStatus(), problem.getDetail());
        return null;
    }

    static ZhibanException unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return new ZhibanException(413, "PAYLOAD_TOO_LARGE", tooLarge.getMessage());
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String message = "不认识的字段：" + unknown.getPropertyName();
                return new ZhibanException(400, "UNKNOWN_FIELD", message,
                        List.of(new ZhibanException.FieldProblem(unknown.getPropertyName(), message)));
            }
            if (cause instanceof InvalidFormatException format) {
                String field = path(format);
                return ZhibanException.invalidField(field, "字段 " + field + " 的值“" + format.getValue() + "”无效"
                        + enumHint(format.getTargetType()));
            }
            if (cause instanceof InvalidNullException missing && !missing.getPath().isEmpty()) {
                String field = path(missing);
                return ZhibanException.invalidField(field, field + " 不能为空");
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = path(mismatch);
                return ZhibanException.invalidField(field, "字段 " + field + " 的类型不正确" + enumHint(mismatch.getTargetType()));
            }
            if (cause instanceof JacksonException) {
                return ZhibanException.invalid("MALFORMED_JSON", "请求内容不是有效的 JSON：" + firstLine(cause.getMessage()));
            }
            cause = cause.getCause();
        }
        return ZhibanException.invalid("MALFORMED_JSON", "请求内容缺失或不是有效的 JSON");
    }

    /** The field as a client writes it: {@code shifts[0].name}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
            else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeHint(Class<?> type) {
        if (java.time.LocalDate.class.equals(type)) {
            return "，应为 YYYY-MM-DD 格式的有效日期";
        }
        if (java.time.OffsetDateTime.class.equals(type)) {
            return "，应为带时区的 ISO-8601 时间，如 2026-10-01T08:30:00+08:00";
        }
        if (Integer.class.equals(type) || int.class.equals(type)) {
            return "，应为整数";
        }
        return enumHint(type);
    }

    private static String enumHint(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "，可选值：" + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining("、"));
        }
        return "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static ZhibanException.FieldProblem fieldProblem(FieldError error) {
        if (error.isBindingFailure()) {
            return new ZhibanException.FieldProblem(error.getField(), "格式不正确");
        }
        return new ZhibanException.FieldProblem(error.getField(), error.getDefaultMessage());
    }
}
