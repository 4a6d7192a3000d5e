package org.zhiban.directory;

/** The four kinds of person whose obituary is duty information (宝政办发〔2022〕43号 第十四条（七）). */
public enum ObituaryCategory {
    PROVINCIAL_MINISTERIAL("省部级领导干部"),
    ACADEMICIAN("两院院士"),
    PUBLIC_FIGURE("社会知名人士"),
    FOREIGN_EXPERT("知名外籍专家");

    private final String label;

    ObituaryCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
