package org.zhiban.reporting;

/** The kinds of information the regulations list (宝政办发〔2022〕43号 第十四条; 龙政办〔2023〕2号 七（二）). */
public enum IncidentCategory {
    NATURAL_DISASTER("自然灾害"),
    ACCIDENT("事故灾难"),
    PUBLIC_HEALTH("公共卫生事件"),
    SOCIAL_SECURITY("社会安全事件"),
    SENSITIVE("敏感事件"),
    WARNING("预测预警、风险隐患"),
    FOREIGN_ECONOMIC_SECURITY("外事、经济、金融、安全"),
    OTHER("其他");

    private final String label;

    IncidentCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
