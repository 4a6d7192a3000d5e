package org.zhiban.obligation;

import java.util.List;
import java.util.UUID;

import org.zhiban.organization.UnitLevel;
import org.zhiban.shared.Page;

/**
 * What a superior reads of its subtree's deadlines: counts per direct subordinate (each over its whole subtree),
 * the busiest and the overdue first, a page at a time; the subordinates with nothing open and nothing late this
 * month are counted, not listed; and, where the subtree spans several levels, the same counts per level.
 *
 * @param quiet direct subordinates with nothing open and nothing late this month
 */
public record SubordinateSummary(Counts total, Page<Row> rows, int quiet, List<LevelRow> levels) {

    /**
     * @param open          open obligations
     * @param dueWithinHour open and due within the coming hour
     * @param overdue       open past their due time
     * @param lateThisMonth due this month and fulfilled late or found breached (迟报, 漏报, 瞒报, 谎报)
     */
    public record Counts(long open, long dueWithinHour, long overdue, long lateThisMonth) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(open + other.open, dueWithinHour + other.dueWithinHour, overdue + other.overdue,
                    lateThisMonth + other.lateThisMonth);
        }

        public boolean quiet() {
            return open == 0 && lateThisMonth == 0;
        }
    }

    public record Row(UUID unitId, String unitName, Counts counts) {
    }

    public record LevelRow(UnitLevel level, String label, Counts counts) {
    }
}
