package org.zhiban.notification;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhiban.notification.internal.NotificationRepository;
import org.zhiban.shared.PersonalData;

/**
 * Sends one message to one account: stores it once, queues a delivery on each channel the account enabled and the
 * system offers, and pushes it live to the account's open pages after the transaction commits.
 */
@Component
class Messenger {

    private final NotificationRepository repository;
    private final ChannelSenders senders;
    private final LiveUpdates live;

    Messenger(NotificationRepository repository, ChannelSenders senders, LiveUpdates live) {
        this.repository = repository;
        this.senders = senders;
        this.live = live;
    }

    /** False when the account already had this message (an event handled twice). */
    boolean send(Notification notification, String eventKey) {
        if (!repository.insertOnce(notification, eventKey)) {
            return false;
        }
        for (NotificationRepository.ChannelSetting setting : repository.channels(notification.accountId())) {
            // An address that does not open reads as such on the account's settings page, to be entered again.
            if (setting.enabled() && senders.available(setting.channel())
                    && !PersonalData.UNREADABLE.equals(setting.address())) {
                repository.insertDelivery(UUID.randomUUID(), notification.id(), setting.channel(), setting.address(),
                        notification.createdAt());
            }
        }
        live.publishAfterCommit(LiveEvent.notification(notification.accountId(), notification.title()));
        return true;
    }
}
