package org.zhiban.organization;

/**
 * The unit tree inside another module's SQL: which units a query covers, read from the closure table (ADR 0002,
 * ADR 0020) rather than sent as a list of every id. At a province's scale a subtree is ten thousand ids, sent,
 * parsed and planned again on every query; the closure table answers the same question by its primary key.
 * The table and column names of the organization module stay here, in one place.
 */
public final class Subtrees {

    /** The direct subordinate of the root that a row's unit lies in, after {@link #rollUpToChildren}. */
    public static final String CHILD = "zb_child.descendant_id";

    /** The administrative level ({@link UnitLevel}'s name) of a row's unit, after {@link #joinUnit}. */
    public static final String LEVEL = "zb_unit.level";

    private Subtrees() {
    }

    /** How much of the tree under a unit a query covers. */
    public enum Reach {
        /** The unit alone. */
        UNIT,
        /** The unit and every unit below it. */
        SUBTREE,
        /** Every unit below it, the unit itself not included. */
        BELOW;

        /** A condition on {@code unitColumn} for the units reached from the unit named by {@code rootParameter}. */
        public String condition(String unitColumn, String rootParameter) {
            return switch (this) {
                case UNIT -> unitColumn + " = " + rootParameter;
                case SUBTREE -> unitColumn + " IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = "
                        + rootParameter + ")";
                case BELOW -> unitColumn + " IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = "
                        + rootParameter + " AND depth > 0)";
            };
        }

        public static Reach of(boolean subtree) {
            return subtree ? SUBTREE : UNIT;
        }
    }

    /**
     * Joins that keep only rows of units below the root and name, in {@link #CHILD}, the root's direct subordinate
     * each lies under — for counts per subordinate, each over its whole subtree, in one grouped query.
     */
    public static String rollUpToChildren(String unitColumn, String rootParameter) {
        return " JOIN unit_closure zb_path ON zb_path.descendant_id = " + unitColumn
                + " JOIN unit_closure zb_child ON zb_child.descendant_id = zb_path.ancestor_id AND zb_child.ancestor_id = "
                + rootParameter + " AND zb_child.depth = 1 ";
    }

    /** A join naming, in {@link #LEVEL}, the level of each row's unit. */
    public static String joinUnit(String unitColumn) {
        return " JOIN unit zb_unit ON zb_unit.id = " + unitColumn + " ";
    }
}
