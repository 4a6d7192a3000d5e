package org.zhiban.calendar;

/** What kind of day a date is in the official calendar. */
public enum DayKind {
    WORKDAY("工作日", true),
    WEEKEND("周末", false),
    HOLIDAY("法定节假日", false),
    MAKEUP_WORKDAY("调休上班日", true);

    private final String label;
    private final boolean workingDay;

    DayKind(String label, boolean workingDay) {
        this.label = label;
        this.workingDay = workingDay;
    }

    public String label() {
        return label;
    }

    /** Monday to Friday unless a holiday, plus the weekend days a notice makes working days. */
    public boolean isWorkingDay() {
        return workingDay;
    }
}
