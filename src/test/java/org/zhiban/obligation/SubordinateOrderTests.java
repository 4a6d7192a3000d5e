package org.zhiban.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.obligation.SubordinateSummary.Counts;
import org.zhiban.obligation.SubordinateSummary.Row;
import org.zhiban.shared.Page;
import org.zhiban.shared.ZhibanException;

class SubordinateOrderTests {

    @Test
    void theOverdueComeFirstThenWhatFallsDueWithinTheHourThenTheMostOpenThenTheLatest() {
        Row quietButLate = row("迟办多", new Counts(0, 0, 0, 9));
        Row manyOpen = row("待办多", new Counts(40, 0, 0, 0));
        Row dueSoon = row("将到期", new Counts(2, 1, 0, 0));
        Row overdue = row("已逾期", new Counts(1, 0, 1, 0));
        List<Row> rows = new ArrayList<>(List.of(quietButLate, manyOpen, dueSoon, overdue));
        rows.sort(ObligationDesk.MOST_PRESSING);
        assertThat(rows).containsExactly(overdue, dueSoon, manyOpen, quietButLate);
    }

    @Test
    void aPageKnowsItsTotalAndAPagePastTheEndIsEmpty() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        Page<Integer> second = Page.of(all, 2, 2);
        assertThat(second.items()).containsExactly(3, 4);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(Page.of(all, 9, 2).items()).isEmpty();
        assertThat(Page.of(List.of(), 1, 20).pages()).isEqualTo(1);
    }

    @Test
    void aBadPageAndABadSizeAreBothNamed() {
        try {
            Page.requireRequest(0, Page.MAX_SIZE + 1);
            throw new AssertionError("refused");
        }
        catch (ZhibanException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.fieldProblems()).extracting(ZhibanException.FieldProblem::field).containsExactly("page", "size");
        }
    }

    private static Row row(String name, Counts counts) {
        return new Row(UUID.randomUUID(), name, counts);
    }
}
