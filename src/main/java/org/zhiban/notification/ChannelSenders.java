package org.zhiban.notification;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends one message by e-mail (SMTP) or by SMS (an HTTP gateway, URL and body template configurable). A channel
 * whose server is not configured is unavailable and never chosen.
 */
@Component
class ChannelSenders {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final boolean mailConfigured;
    private final RestClient sms;

    ChannelSenders(ObjectProvider<JavaMailSender> mail, NotificationProperties properties, Environment environment) {
        this.mail = mail;
        this.properties = properties;
        this.mailConfigured = !environment.getProperty("spring.mail.host", "").isBlank();
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.sms = RestClient.builder().requestFactory(factory).build();
    }

    boolean available(Channel channel) {
        return switch (channel) {
            case IN_APP -> true;
            case EMAIL -> mailConfigured && mail.getIfAvailable() != null;
            case SMS -> !properties.smsUrl().isBlank();
        };
    }

    /** Sends; an exception says why it failed, so that the attempt can be recorded and retried. */
    void send(Channel channel, String address, String title, String text) {
        switch (channel) {
            case EMAIL -> {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(properties.mailFrom());
                message.setTo(address);
                message.setSubject(title);
                message.setText(text);
                Optional.ofNullable(mail.getIfAvailable())
                        .orElseThrow(() -> new IllegalStateException("未配置邮件服务器"))
                        .send(message);
            }
            case SMS -> {
                boolean json = properties.smsContentType().contains("json");
                String body = properties.smsTemplate()
                        .replace("{mobile}", json ? jsonEscape(address) : address)
                        .replace("{text}", json ? jsonEscape(title + "。" + text) : title + "。" + text);
                sms.post().uri(properties.smsUrl()).contentType(MediaType.parseMediaType(properties.smsContentType()))
                        .body(body).retrieve().toBodilessEntity();
            }
            case IN_APP -> throw new IllegalArgumentException("in-app messages are not sent");
        }
    }

    private static String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
