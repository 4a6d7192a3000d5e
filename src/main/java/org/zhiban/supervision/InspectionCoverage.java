package org.zhiban.supervision;

import java.util.List;
import java.util.UUID;

/**
 * How many of a superior's departments and next-level governments it inspected in a year, and how; the first of
 * those not yet inspected; and for each of them with units of its own, how far its office covered those. Owed in
 * full where the superior's policy requires it of its level (宝政办发〔2022〕43号 第二十八条, X区 第二十四条).
 *
 * @param owed     whether the superior's level owes full coverage under its policy (counties, not the city)
 * @param citation the superior's policy's rule on yearly coverage; null when its policy has none
 * @param covered  inspected at least once in the year, by any means
 */
public record InspectionCoverage(UUID unitId, String unitName, int year, boolean owed, String citation, int units,
        int covered, int byPhone, int bySite, int byRollCall, int uncoveredCount, List<Uncovered> uncovered,
        List<Below> below) {

    /** Covered as a whole percentage, for the progress bar. */
    public int percent() {
        return percent(covered, units);
    }

    static int percent(int covered, int units) {
        return units == 0 ? 100 : (int) Math.floor(covered * 100.0 / units);
    }

    public record Uncovered(UUID unitId, String unitName, String dutyPhone) {
    }

    /** A unit below and its own office's coverage of the units below it. */
    public record Below(UUID unitId, String unitName, int units, int covered) {

        public int percent() {
            return InspectionCoverage.percent(covered, units);
        }
    }
}
