package org.zhiban.shared;

import java.util.List;

/**
 * A business failure with a stable {@code code} and a Chinese message for the person who caused it.
 * The web module turns it into an RFC 9457 problem response (or an error page) with the given status.
 */
public class ZhibanException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldProblem> fieldProblems;
    private final boolean denial;

    public ZhibanException(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ZhibanException(int status, String code, String detail, List<FieldProblem> fieldProblems) {
        this(status, code, detail, fieldProblems, status == 403);
    }

    private ZhibanException(int status, String code, String detail, List<FieldProblem> fieldProblems,
            boolean denial) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.denial = denial;
    }

    public static ZhibanException notFound(String code, String detail) {
        return new ZhibanException(404, code, detail);
    }

    public static ZhibanException forbidden(String code, String detail) {
        return new ZhibanException(403, code, detail);
    }

    /**
     * Something outside the caller's data scope: answered exactly like something that does not exist (404), so that
     * an id of another tree tells nothing, but recorded in the audit trail as a denial. The detail must name nothing
     * of the other tree.
     */
    public static ZhibanException outOfScope(String code, String detail) {
        return new ZhibanException(404, code, detail, List.of(), true);
    }

    public static ZhibanException conflict(String code, String detail) {
        return new ZhibanException(409, code, detail);
    }

    public static ZhibanException invalid(String code, String detail) {
        return new ZhibanException(400, code, detail);
    }

    /** One invalid field: 400 {@code VALIDATION_FAILED} naming the field. */
    public static ZhibanException invalidField(String field, String message) {
        return new ZhibanException(400, "VALIDATION_FAILED", message, List.of(new FieldProblem(field, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** A refusal of access (403, or an out-of-scope 404) that the audit trail records as denied. */
    public boolean denial() {
        return denial;
    }

    /** A field that failed validation, with a Chinese message. */
    public record FieldProblem(String field, String message) {
    }
}
