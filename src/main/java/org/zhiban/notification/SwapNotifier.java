package org.zhiban.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhiban.identity.Account;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.roster.SwapEvents;
import org.zhiban.roster.SwapStatus;
import org.zhiban.shared.Role;

/**
 * Tells the people a swap concerns what they have to do or what came of it: the colleague asked to take a shift, the
 * leaders on duty asked to approve, both people when it is decided. Like every message: title and unit, no more.
 */
@Component
class SwapNotifier {

    private final Messenger messenger;
    private final Accounts accounts;
    private final UnitTree unitTree;
    private final Clock clock;

    SwapNotifier(Messenger messenger, Accounts accounts, UnitTree unitTree, Clock clock) {
        this.messenger = messenger;
        this.accounts = accounts;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SwapEvents.SwapChanged event) {
        List<Account> recipients = new ArrayList<>();
        String prefix;
        switch (event.status()) {
            case REQUESTED -> {
                recipients.addAll(accounts.linkedTo(event.counterpartId()));
                prefix = "【调班申请】";
            }
            case ACCEPTED -> {
                recipients.addAll(accounts.holdersOf(event.unitId(), EnumSet.of(Role.LEADER_ON_DUTY)));
                prefix = "【调班待审批】";
            }
            case APPROVED, REJECTED, DECLINED -> {
                recipients.addAll(accounts.linkedTo(event.requesterId()));
                if (event.status() != SwapStatus.DECLINED) {
                    recipients.addAll(accounts.linkedTo(event.counterpartId()));
                }
                prefix = "【调班" + event.status().label() + "】";
            }
            default -> {
                return;
            }
        }
        String unitName = unitTree.find(event.unitId()).map(Unit::name).orElse("");
        for (Account account : recipients.stream().distinct().toList()) {
            messenger.send(new Notification(UUID.randomUUID(), account.id(), Notification.Category.INFO,
                    prefix + event.summary(), unitName, null, "/roster/swaps?unitId=" + event.unitId(), null,
                    clock.instant(), null), "swap:" + event.swapId() + ":" + event.status());
        }
    }
}
