package org.zhiban.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.organization.internal.UnitRepository;

/** Fills the pinyin initials of units and people stored before V34, a thousand rows a transaction, on start. */
@Component
@Order(-5)
class NameInitialsBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NameInitialsBackfill.class);
    private static final int BATCH = 1000;

    private final UnitRepository units;
    private final TransactionTemplate transaction;

    NameInitialsBackfill(UnitRepository units, TransactionTemplate transaction) {
        this.units = units;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String table : new String[] { "unit", "person" }) {
            int filled = 0;
            int batch;
            do {
                batch = transaction.execute(status -> units.fillNameInitials(table, BATCH));
                filled += batch;
            }
            while (batch == BATCH);
            if (filled > 0) {
                log.info("Filled the pinyin initials of {} rows of {} for the directory's search", filled, table);
            }
        }
    }
}
