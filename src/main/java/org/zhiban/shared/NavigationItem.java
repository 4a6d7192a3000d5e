package org.zhiban.shared;

import java.util.function.Predicate;

/**
 * An entry of the page shell's navigation, contributed by the module that owns the page.
 *
 * @param order    position from the left
 * @param label    the Chinese label
 * @param path     where it leads
 * @param visibleTo who sees the entry
 * @param group    the menu it sits in beside related pages (信息报送, 值班表…); null for an entry of its own
 */
public record NavigationItem(int order, String label, String path, Predicate<Actor> visibleTo, String group) {

    public NavigationItem(int order, String label, String path, Predicate<Actor> visibleTo) {
        this(order, label, path, visibleTo, null);
    }

    /** The same entry in a menu of related pages: a desk's bar keeps room as pages are added. */
    public NavigationItem inGroup(String menu) {
        return new NavigationItem(order, label, path, visibleTo, menu);
    }

    public static NavigationItem forEveryone(int order, String label, String path) {
        return new NavigationItem(order, label, path, actor -> true);
    }

    public static NavigationItem forRoles(int order, String label, String path, Role... roles) {
        return new NavigationItem(order, label, path, actor -> actor.hasAny(roles));
    }
}
