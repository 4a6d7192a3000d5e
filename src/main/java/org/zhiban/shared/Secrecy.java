package org.zhiban.shared;

import java.util.List;

/**
 * Classified matters never enter this system (严禁使用非保密设备处理涉密事项). The refusal states the rule and names
 * no article: every unit reads it, whatever regulation governs it.
 */
public final class Secrecy {

    private Secrecy() {
    }

    /** Refuses content its writer marked classified (涉密): it goes through the classified channel instead. */
    public static void requireNotClassified(Boolean classified) {
        if (Boolean.TRUE.equals(classified)) {
            String message = "涉密事项不得录入本系统，请通过涉密渠道办理";
            throw new ZhibanException(400, "CLASSIFIED_REFUSED", message,
                    List.of(new ZhibanException.FieldProblem("classified", message)));
        }
    }
}
