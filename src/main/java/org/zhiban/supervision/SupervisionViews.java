package org.zhiban.supervision;

import java.util.List;

import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.ObligationView;

final class SupervisionViews {

    private SupervisionViews() {
    }

    /** The first open obligation, the list being in due order; null when none is open. */
    static ObligationView firstOpen(List<ObligationView> obligations) {
        return obligations.stream().filter(o -> o.status() == ObligationStatus.OPEN).findFirst().orElse(null);
    }
}
