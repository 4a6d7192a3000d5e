package org.zhiban.supervision;

import java.util.Arrays;
import java.util.Optional;

/**
 * The result codes of a phone spot check, as commonly used by inspecting offices; which of them count as failed is
 * each policy's reading ({@code spot-check.failed-results}), not this table's.
 */
public enum SpotCheckResult {
    ANSWERED_PROPERLY("11", "接通规范"),
    ANSWERED_IMPROPERLY("12", "接通不规范"),
    NOT_THIS_UNIT("13", "非本单位接听"),
    HUNG_UP("14", "挂断"),
    NO_ANSWER("21", "无人接听"),
    BUSY("22", "忙音"),
    NUMBER_OUT_OF_SERVICE("23", "空号停机");

    private final String code;
    private final String label;

    SpotCheckResult(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Whether someone at the unit answered, so that who, how fast and what they knew can be recorded. */
    public boolean answered() {
        return code.startsWith("1");
    }

    public static Optional<SpotCheckResult> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
