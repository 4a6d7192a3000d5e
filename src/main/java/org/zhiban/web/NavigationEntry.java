package org.zhiban.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhiban.shared.NavigationItem;

/**
 * One place on the navigation bar: a page of its own, or a menu of related pages (信息报送, 值班表…) shown in the
 * order of its first page. A menu of which the person sees only one page is that page.
 *
 * @param active whether the page shown is this entry or one of its menu's
 */
public record NavigationEntry(String label, String path, List<NavigationItem> items, boolean active) {

    public boolean isMenu() {
        return !items.isEmpty();
    }

    static List<NavigationEntry> of(List<NavigationItem> visible, String activePath) {
        Map<String, List<NavigationItem>> menus = new LinkedHashMap<>();
        List<Object> places = new ArrayList<>();
        for (NavigationItem item : visible) {
            if (item.group() == null) {
                places.add(item);
            }
            else if (!menus.containsKey(item.group())) {
                List<NavigationItem> menu = new ArrayList<>(List.of(item));
                menus.put(item.group(), menu);
                places.add(item.group());
            }
            else {
                menus.get(item.group()).add(item);
            }
        }
        List<NavigationEntry> entries = new ArrayList<>();
        for (Object place : places) {
            List<NavigationItem> items = place instanceof String menu ? menus.get(menu) : List.of((NavigationItem) place);
            if (items.size() == 1) {
                NavigationItem only = items.get(0);
                entries.add(new NavigationEntry(only.label(), only.path(), List.of(), only.path().equals(activePath)));
            }
            else {
                entries.add(new NavigationEntry((String) place, null, List.copyOf(items),
                        items.stream().anyMatch(i -> i.path().equals(activePath))));
            }
        }
        return entries;
    }
}
