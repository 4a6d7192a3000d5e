package org.zhiban.shared;

import java.util.function.Predicate;

/**
 * An entry of the page shell's navigation, contributed by the module that owns the page.
 *
 * @param order    position from the left
 * @param label    the Chinese label
 * @param path     where it leads
 * @param visibleTo who sees the entry
 */
public record NavigationItem(int order, String label, String path, Predicate<Actor> visibleTo) {

    public static NavigationItem forEveryone(int order, String label, String path) {
        return new NavigationItem(order, label, path, actor -> true);
    }

    public static NavigationItem forRoles(int order, String label, String path, Role... roles) {
        return new NavigationItem(order, label, path, actor -> actor.hasAny(roles));
    }
}
