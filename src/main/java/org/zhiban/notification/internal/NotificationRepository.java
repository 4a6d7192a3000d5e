package org.zhiban.notification.internal;

import static org.zhiban.shared.SqlTimes.utc;
import static org.zhiban.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.notification.Channel;
import org.zhiban.notification.Notification;
import org.zhiban.organization.SealedPersonalData;
import org.zhiban.shared.PersonalData;

/**
 * Notifications, the channels each account chose and every delivery. The address of a channel and of a delivery is
 * personal information, kept sealed with SM4 under its row (ADR 0024) and opened only here.
 */
@Repository
public class NotificationRepository implements SealedPersonalData {

    private static final String COLUMNS = "id, account_id, category, title, unit_name, deadline, link, obligation_id, "
            + "created_at, read_at";

    private static final String CHANNEL_ADDRESS = "notification_channel.address:";
    private static final String DELIVERY_ADDRESS = "notification_delivery.address:";

    private final JdbcClient jdbc;
    private final PersonalData personal;

    NotificationRepository(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /**
     * Inserts a notification unless the account already has it: one of this category for the obligation, or one for
     * the same event (eventKey) — an event handled twice after a crash notifies once. The unique indexes decide, in
     * the insert itself: a count first cost a query per message and still let two concurrent handlings both pass it.
     */
    public boolean insertOnce(Notification n, String eventKey) {
        return jdbc.sql("INSERT INTO notification (" + COLUMNS + ", event_key) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT DO NOTHING")
                .params(n.id(), n.accountId(), n.category().name(), n.title(), n.unitName(), utc(n.deadline()),
                        n.link(), n.obligationId(), utc(n.createdAt()), null, eventKey)
                .update() == 1;
    }

    public List<Notification> ofAccount(UUID accountId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE account_id = ? ORDER BY created_at DESC LIMIT ?")
                .params(accountId, limit).query(this::map).list();
    }

    public long unread(UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = ? AND read_at IS NULL").param(accountId)
                .query(Long.class).single();
    }

    public int markRead(UUID accountId, UUID notificationId, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE account_id = ? AND id = ? AND read_at IS NULL")
                .params(utc(at), accountId, notificationId).update();
    }

    public int markAllRead(UUID accountId, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE account_id = ? AND read_at IS NULL")
                .params(utc(at), accountId).update();
    }

    public List<ChannelSetting> channels(UUID accountId) {
        return jdbc.sql("SELECT channel, address, enabled FROM notification_channel WHERE account_id = ?")
                .param(accountId)
                .query((rs, n) -> {
                    Channel channel = Channel.valueOf(rs.getString(1));
                    return new ChannelSetting(accountId, channel,
                            personal.openOrUnreadable(channelContext(accountId, channel), rs.getString(2)),
                            rs.getBoolean(3));
                })
                .list();
    }

    public void putChannel(ChannelSetting setting) {
        String address = personal.seal(channelContext(setting.accountId(), setting.channel()), setting.address());
        if (jdbc.sql("UPDATE notification_channel SET address = ?, enabled = ? WHERE account_id = ? AND channel = ?")
                .params(address, setting.enabled(), setting.accountId(), setting.channel().name())
                .update() == 0) {
            jdbc.sql("INSERT INTO notification_channel (account_id, channel, address, enabled) VALUES (?,?,?,?)")
                    .params(setting.accountId(), setting.channel().name(), address, setting.enabled())
                    .update();
        }
    }

    public void insertDelivery(UUID id, UUID notificationId, Channel channel, String address, Instant now) {
        jdbc.sql("INSERT INTO notification_delivery (id, notification_id, channel, address, status, attempts, "
                + "next_attempt_at, created_at) VALUES (?,?,?,?,'PENDING',0,?,?)")
                .params(id, notificationId, channel.name(), personal.seal(DELIVERY_ADDRESS + id, address), utc(now),
                        utc(now))
                .update();
    }

    /**
     * Claims pending deliveries that are due, skipping those another instance is sending; an address that does not
     * open (changed by hand) reads as {@link PersonalData#UNREADABLE}.
     */
    public List<PendingDelivery> claimDueDeliveries(Instant now, int limit) {
        List<UUID> claimed = jdbc.sql("SELECT id FROM notification_delivery "
                + "WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(utc(now), limit)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
        return claimed.stream().map(id -> jdbc.sql("""
                SELECT d.channel, d.address, d.attempts, n.title, n.unit_name, n.deadline
                FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE d.id = ?""")
                .param(id)
                .query((rs, n) -> new PendingDelivery(id, Channel.valueOf(rs.getString(1)),
                        personal.openOrUnreadable(DELIVERY_ADDRESS + id, rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getString(5), instant(rs, 6)))
                .single()).toList();
    }

    public void recordAttempt(UUID deliveryId, int attempt, Instant at, String outcome, String detail) {
        jdbc.sql("INSERT INTO notification_attempt (delivery_id, attempt, attempted_at, outcome, detail) "
                + "VALUES (?,?,?,?,?)")
                .params(deliveryId, attempt, utc(at), outcome, truncate(detail))
                .update();
    }

    public void markSent(UUID deliveryId, int attempts, Instant at) {
        jdbc.sql("UPDATE notification_delivery SET status = 'SENT', attempts = ?, sent_at = ?, next_attempt_at = NULL, "
                + "last_error = NULL WHERE id = ?").params(attempts, utc(at), deliveryId).update();
    }

    public void markRetry(UUID deliveryId, int attempts, Instant next, String error) {
        jdbc.sql("UPDATE notification_delivery SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, utc(next), truncate(error), deliveryId).update();
    }

    public void markFailed(UUID deliveryId, int attempts, String error) {
        jdbc.sql("UPDATE notification_delivery SET status = 'FAILED', attempts = ?, next_attempt_at = NULL, "
                + "last_error = ? WHERE id = ?").params(attempts, truncate(error), deliveryId).update();
    }

    public List<DeliveryRow> deliveriesOf(UUID accountId, int limit) {
        return jdbc.sql("""
                SELECT d.channel, d.address, d.status, d.attempts, d.last_error, d.sent_at, n.title, d.created_at, d.id
                FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
                WHERE n.account_id = ? ORDER BY d.created_at DESC LIMIT ?""")
                .params(accountId, limit)
                .query((rs, n) -> new DeliveryRow(Channel.valueOf(rs.getString(1)),
                        personal.openOrUnreadable(DELIVERY_ADDRESS + rs.getObject(9, UUID.class), rs.getString(2)),
                        rs.getString(3), rs.getInt(4), rs.getString(5), instant(rs, 6), rs.getString(7),
                        instant(rs, 8)))
                .list();
    }

    @Override
    public String what() {
        return "通知地址";
    }

    @Override
    public long countNotSealedWith(String currentPrefix) {
        String pattern = currentPrefix + "%";
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM notification_channel WHERE address NOT LIKE :p) "
                + "+ (SELECT COUNT(*) FROM notification_delivery WHERE address NOT LIKE :p)")
                .param("p", pattern).query(Long.class).single();
    }

    /**
     * Channels first, then deliveries, as one list in that order: {@code skip} passes over channels while any not
     * sealed is left before it, then over deliveries. Each is opened under its old key (or read as it is, if clear)
     * and sealed again.
     */
    @Override
    public Batch resealBatch(String currentPrefix, int skip, int limit) {
        String pattern = currentPrefix + "%";
        long channelsLeft = jdbc.sql("SELECT COUNT(*) FROM notification_channel WHERE address NOT LIKE ?")
                .param(pattern).query(Long.class).single();
        Batch channels = skip < channelsLeft ? resealChannels(pattern, skip, limit) : Batch.NONE;
        int room = limit - channels.examined();
        return room == 0 ? channels
                : channels.plus(resealDeliveries(pattern, (int) Math.max(0, skip - channelsLeft), room));
    }

    private Batch resealChannels(String pattern, int skip, int limit) {
        List<ChannelSetting> channels = jdbc.sql("SELECT account_id, channel, address FROM notification_channel "
                + "WHERE address NOT LIKE ? ORDER BY account_id, channel LIMIT ? OFFSET ? FOR UPDATE")
                .params(pattern, limit, skip)
                .query((rs, n) -> {
                    UUID accountId = rs.getObject(1, UUID.class);
                    Channel channel = Channel.valueOf(rs.getString(2));
                    return new ChannelSetting(accountId, channel,
                            personal.openOrUnreadable(channelContext(accountId, channel), rs.getString(3)), false);
                })
                .list();
        int unreadable = 0;
        for (ChannelSetting channel : channels) {
            if (PersonalData.UNREADABLE.equals(channel.address())) {
                unreadable++;
                continue;
            }
            jdbc.sql("UPDATE notification_channel SET address = ? WHERE account_id = ? AND channel = ?")
                    .params(personal.seal(channelContext(channel.accountId(), channel.channel()), channel.address()),
                            channel.accountId(), channel.channel().name())
                    .update();
        }
        return new Batch(channels.size() - unreadable, unreadable);
    }

    private Batch resealDeliveries(String pattern, int skip, int limit) {
        List<Map.Entry<UUID, String>> deliveries = jdbc.sql("SELECT id, address FROM notification_delivery "
                + "WHERE address NOT LIKE ? ORDER BY id LIMIT ? OFFSET ? FOR UPDATE")
                .params(pattern, limit, skip)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return Map.entry(id, personal.openOrUnreadable(DELIVERY_ADDRESS + id, rs.getString(2)));
                })
                .list();
        int unreadable = 0;
        for (Map.Entry<UUID, String> delivery : deliveries) {
            if (PersonalData.UNREADABLE.equals(delivery.getValue())) {
                unreadable++;
                continue;
            }
            jdbc.sql("UPDATE notification_delivery SET address = ? WHERE id = ?")
                    .params(personal.seal(DELIVERY_ADDRESS + delivery.getKey(), delivery.getValue()), delivery.getKey())
                    .update();
        }
        return new Batch(deliveries.size() - unreadable, unreadable);
    }

    /** A channel's address is bound to its account and channel: copied to another row, it does not open. */
    private static String channelContext(UUID accountId, Channel channel) {
        return CHANNEL_ADDRESS + accountId + ":" + channel.name();
    }

    private Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                Notification.Category.valueOf(rs.getString("category")), rs.getString("title"),
                rs.getString("unit_name"), instant(rs, "deadline"), rs.getString("link"),
                rs.getObject("obligation_id", UUID.class), instant(rs, "created_at"), instant(rs, "read_at"));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    public record ChannelSetting(UUID accountId, Channel channel, String address, boolean enabled) {
    }

    public record PendingDelivery(UUID id, Channel channel, String address, int attempts, String title,
            String unitName, Instant deadline) {
    }

    public record DeliveryRow(Channel channel, String address, String status, int attempts, String lastError,
            Instant sentAt, String title, Instant createdAt) {
    }
}
