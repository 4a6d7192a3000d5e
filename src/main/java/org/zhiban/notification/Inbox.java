package org.zhiban.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.notification.internal.NotificationRepository;
import org.zhiban.organization.PhoneNumbers;
import org.zhiban.shared.Actor;
import org.zhiban.shared.ZhibanException;

/** A person's notification centre: messages, the unread count, and the channels they chose. */
@Service
public class Inbox {

    private static final int LIMIT = 200;

    private final NotificationRepository repository;
    private final ChannelSenders senders;
    private final AuditTrail audit;
    private final Clock clock;

    Inbox(NotificationRepository repository, ChannelSenders senders, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.senders = senders;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Notification> messages(Actor actor) {
        return repository.ofAccount(actor.accountId(), LIMIT);
    }

    @Transactional(readOnly = true)
    public long unread(Actor actor) {
        return actor.accountId() == null ? 0 : repository.unread(actor.accountId());
    }

    @Transactional
    public void markRead(Actor actor, UUID notificationId) {
        repository.markRead(actor.accountId(), notificationId, clock.instant());
    }

    @Transactional
    public int markAllRead(Actor actor) {
        return repository.markAllRead(actor.accountId(), clock.instant());
    }

    @Transactional(readOnly = true)
    public List<ChannelView> channels(Actor actor) {
        List<NotificationRepository.ChannelSetting> settings = repository.channels(actor.accountId());
        return List.of(Channel.EMAIL, Channel.SMS).stream().map(channel -> {
            var setting = settings.stream().filter(s -> s.channel() == channel).findFirst();
            return new ChannelView(channel, setting.map(NotificationRepository.ChannelSetting::address).orElse(null),
                    setting.map(NotificationRepository.ChannelSetting::enabled).orElse(false),
                    senders.available(channel));
        }).toList();
    }

    /** Turns a channel on or off for oneself; only channels of the allow-list exist. */
    @Transactional
    public ChannelView setChannel(Actor actor, String channelName, String address, boolean enabled) {
        Channel channel = Channel.parse(channelName);
        if (channel == Channel.IN_APP) {
            throw ZhibanException.invalidField("channel", "站内消息始终开启，无需设置");
        }
        String normalized = requireAddress(channel, address);
        if (enabled && !senders.available(channel)) {
            throw ZhibanException.conflict("CHANNEL_UNAVAILABLE", channel.label() + "服务尚未配置，请联系系统管理员");
        }
        repository.putChannel(new NotificationRepository.ChannelSetting(actor.accountId(), channel, normalized,
                enabled));
        audit.record("NOTIFICATION_CHANNEL_SET", "account:" + actor.username(), AuditOutcome.SUCCESS,
                channel.label() + (enabled ? " 开启" : " 关闭"));
        return new ChannelView(channel, normalized, enabled, senders.available(channel));
    }

    @Transactional(readOnly = true)
    public List<NotificationRepository.DeliveryRow> deliveries(Actor actor) {
        return repository.deliveriesOf(actor.accountId(), LIMIT);
    }

    private static String requireAddress(Channel channel, String address) {
        if (address == null || address.isBlank()) {
            throw ZhibanException.invalidField("address", "请填写" + (channel == Channel.EMAIL ? "邮箱地址" : "手机号码"));
        }
        String trimmed = address.trim();
        if (channel == Channel.EMAIL) {
            // 254 bytes at most (RFC 5321), which also bounds the sealed form to its column.
            if (!trimmed.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
                    || trimmed.getBytes(StandardCharsets.UTF_8).length > 254) {
                throw ZhibanException.invalidField("address", "邮箱地址格式不正确");
            }
            return trimmed;
        }
        return PhoneNumbers.normalizeMobile(trimmed).orElseThrow(() -> ZhibanException.invalidField("address",
                "手机号码格式不正确，应为11位大陆手机号"));
    }

    /** A channel as its owner sees it: the address, whether on, and whether the server is configured. */
    public record ChannelView(Channel channel, String address, boolean enabled, boolean available) {
    }
}
