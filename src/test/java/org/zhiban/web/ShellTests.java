package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.NavigationItem;

class ShellTests {

    private final List<NavigationItem> items = List.of(item("/"), item("/roster"), item("/roster/filings"),
            item("/on-duty"));

    @Test
    void aPageBelongsToTheLongestNavigationPathItStartsWith() {
        assertThat(Shell.active(items, "/roster/filings")).isEqualTo("/roster/filings");
        assertThat(Shell.active(items, "/roster/swaps")).isEqualTo("/roster");
        assertThat(Shell.active(items, "/roster")).isEqualTo("/roster");
        assertThat(Shell.active(items, "/")).isEqualTo("/");
        assertThat(Shell.active(items, "/on-duty-history")).isNull();
    }

    private static NavigationItem item(String path) {
        return new NavigationItem(0, path, path, actor -> true);
    }
}
