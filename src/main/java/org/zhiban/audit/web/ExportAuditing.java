package org.zhiban.audit.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;

/**
 * Every file a module hands out for download — a roster's .xlsx, a log book's or an incident's .docx, a log entry's
 * attachment — goes out marked {@code Content-Disposition: attachment} (shared's {@code Downloads}); this records each
 * in the audit trail (GB/T 22239-2019 8.1.4.3) as it is written, with who took which file from where, so that no
 * module has to remember to and {@code shared} needs no audit.
 */
@ControllerAdvice
class ExportAuditing implements ResponseBodyAdvice<Object> {

    private final AuditTrail audit;

    ExportAuditing(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        ContentDisposition disposition = response.getHeaders().getContentDisposition();
        if (disposition.isAttachment()) {
            String size = body instanceof byte[] bytes ? "，" + bytes.length + " 字节" : "";
            audit.record("EXPORTED", request.getMethod() + " " + request.getURI().getRawPath(), AuditOutcome.SUCCESS,
                    "下载文件：" + disposition.getFilename() + size);
        }
        return body;
    }
}
