package org.zhiban.shared;

import java.util.List;

/** Classified matters never enter this system — 宝政办发〔2022〕43号 第三十六条 (严禁使用非保密设备处理涉密事项). */
public final class Secrecy {

    public static final String CITATION = "宝政办发〔2022〕43号 第三十六条";

    private Secrecy() {
    }

    /** Refuses content its writer marked classified (涉密): it goes through the classified channel instead. */
    public static void requireNotClassified(Boolean classified) {
        if (Boolean.TRUE.equals(classified)) {
            String message = "涉密事项不得录入本系统，请通过涉密渠道办理（" + CITATION + "）";
            throw new ZhibanException(400, "CLASSIFIED_REFUSED", message,
                    List.of(new ZhibanException.FieldProblem("classified", message)));
        }
    }
}
