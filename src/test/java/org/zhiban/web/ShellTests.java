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

    @Test
    void relatedPagesShareOneMenuInTheOrderOfItsFirstAndAMenuOfOneIsThatPage() {
        List<NavigationItem> visible = List.of(item("/"), item("/reporting").inGroup("信息报送"),
                item("/reporting/inbox").inGroup("信息报送"), item("/roster").inGroup("值班表"), item("/units"));
        List<NavigationEntry> entries = NavigationEntry.of(visible, "/reporting/inbox");
        assertThat(entries).extracting(NavigationEntry::label).containsExactly("/", "信息报送", "/roster", "/units");
        assertThat(entries.get(1).items()).extracting(NavigationItem::path)
                .containsExactly("/reporting", "/reporting/inbox");
        assertThat(entries.get(1).active()).isTrue();
        assertThat(entries.get(2).isMenu()).as("a menu of one page is the page").isFalse();
        assertThat(entries.get(2).path()).isEqualTo("/roster");
    }

    private static NavigationItem item(String path) {
        return new NavigationItem(0, path, path, actor -> true);
    }
}
