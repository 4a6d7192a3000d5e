package org.zhiban.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.notification.internal.NotificationRepository;
import org.zhiban.organization.PhoneNumbers;
import org.zhiban.shared.PersonalData;
import org.zhiban.shared.RepeatingPass;

/**
 * Sends pending e-mails and SMS. Each pass claims due deliveries with {@code SKIP LOCKED} (so instances share the
 * work), records every attempt and its outcome, and on failure waits before the next attempt — a minute, then twice
 * as long each time up to an hour — until the attempts are used up.
 */
@Component
public class DeliveryWorker extends RepeatingPass {

    private static final int BATCH = 50;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\\[\\]\"',;:]+@([^\\s@<>()\\[\\]\"',;:]+)");

    private final NotificationRepository repository;
    private final ChannelSenders senders;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DeliveryWorker(NotificationRepository repository, ChannelSenders senders, NotificationProperties properties,
            TransactionTemplate transaction, Clock clock) {
        super("notification-delivery", properties.deliveryInterval());
        this.repository = repository;
        this.senders = senders;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sends what is due now; returns how many attempts were made. */
    public int deliverDue() {
        int total = 0;
        while (true) {
            Integer attempted = transaction.execute(status -> deliverBatch());
            if (attempted == null || attempted == 0) {
                return total;
            }
            total += attempted;
        }
    }

    private int deliverBatch() {
        Instant now = clock.instant();
        List<NotificationRepository.PendingDelivery> due = repository.claimDueDeliveries(now, BATCH);
        for (NotificationRepository.PendingDelivery delivery : due) {
            if (PersonalData.UNREADABLE.equals(delivery.address())) {
                // Changed by hand: nobody can say where it would go, so it fails without an attempt.
                repository.markFailed(delivery.id(), delivery.attempts(), "投递地址密文校验失败，无法解密，未发送");
                continue;
            }
            int attempt = delivery.attempts() + 1;
            try {
                senders.send(delivery.channel(), delivery.address(), delivery.title(), text(delivery));
                repository.recordAttempt(delivery.id(), attempt, now, "SENT", null);
                repository.markSent(delivery.id(), attempt, now);
            }
            catch (RuntimeException e) {
                String error = withoutAddresses(e.getClass().getSimpleName() + ": " + e.getMessage());
                repository.recordAttempt(delivery.id(), attempt, now, "FAILED", error);
                if (attempt >= properties.maxAttempts()) {
                    repository.markFailed(delivery.id(), attempt, error);
                }
                else {
                    repository.markRetry(delivery.id(), attempt, now.plus(backoff(attempt)), error);
                }
            }
        }
        return due.size();
    }

    /** The wait after the n-th failed attempt: the first retry delay, doubled each time, at most an hour. */
    Duration backoff(int failedAttempts) {
        Duration wait = properties.firstRetryDelay().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /**
     * A gateway's error as it is kept: the mobile numbers and e-mail addresses it quotes are personal information,
     * sealed everywhere else, so they are kept masked.
     */
    static String withoutAddresses(String error) {
        String numbersMasked = MOBILE.matcher(error).replaceAll(found -> PhoneNumbers.mask(found.group()));
        return EMAIL.matcher(numbersMasked).replaceAll("***@$1");
    }

    private static String text(NotificationRepository.PendingDelivery delivery) {
        return (delivery.unitName() == null ? "" : delivery.unitName() + "，")
                + (delivery.deadline() == null ? "" : "截止时间 " + ObligationNotifier.deadline(delivery.deadline()))
                + "。请登录政务值班系统办理。";
    }

    @Override
    protected int pass() {
        return deliverDue();
    }
}
