package org.zhiban.notification;

import java.util.Locale;
import java.util.Set;

import org.zhiban.shared.ZhibanException;

/**
 * The channels a notification may travel by. In-app messages always; e-mail and SMS when an account turns them on.
 * Nothing else: the regulations forbid putting duty information on WeChat, QQ and the like.
 */
public enum Channel {
    IN_APP("站内消息"),
    EMAIL("电子邮件"),
    SMS("短信");

    private static final Set<String> CONSUMER_CHAT_APPS = Set.of("WECHAT", "WEIXIN", "WX", "QQ", "WEWORK", "WXWORK",
            "TELEGRAM", "WHATSAPP", "LINE", "DINGTALK", "FEISHU", "LARK");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The channel by name; a consumer chat app is refused with the rule that forbids it, stated without an article:
     * a channel is parsed without a unit, so there is no unit's policy to cite.
     */
    public static Channel parse(String name) {
        String normalized = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace("-", "_");
        if (isConsumerChatApp(normalized)) {
            throw new ZhibanException(400, "CHANNEL_FORBIDDEN", "按规定严禁将值班信息上传微信、QQ 等网络媒体，"
                    + "本系统不提供此类推送渠道");
        }
        for (Channel channel : values()) {
            if (channel.name().equals(normalized)) {
                return channel;
            }
        }
        throw ZhibanException.invalidField("channel", "不支持的通知渠道：" + name + "，可选：EMAIL（电子邮件）、SMS（短信）");
    }

    static boolean isConsumerChatApp(String normalized) {
        return CONSUMER_CHAT_APPS.contains(normalized);
    }
}
