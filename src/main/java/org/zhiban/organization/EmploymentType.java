package org.zhiban.organization;

/** How a person is employed; only formal staff may stand duty. */
public enum EmploymentType {
    CIVIL_SERVANT("公务员", true),
    PUBLIC_INSTITUTION_STAFF("事业编制人员", true),
    CONTRACT("雇员", false),
    TEMPORARY("临聘人员", false),
    REHIRED_RETIREE("退休返聘人员", false);

    private final String label;
    private final boolean formalStaff;

    EmploymentType(String label, boolean formalStaff) {
        this.label = label;
        this.formalStaff = formalStaff;
    }

    public String label() {
        return label;
    }

    /**
     * Formal staff (正式干部: civil servants and public-institution staff) may stand duty; contract,
     * temporary and re-hired retired staff may not — 宝政办发〔2022〕43号 第八条; X 区标准规范 第四条.
     */
    public boolean isFormalStaff() {
        return formalStaff;
    }
}
