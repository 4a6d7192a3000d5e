package org.zhiban.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings.
 *
 * @param mailFrom         the sender address of e-mails (the SMTP server itself is {@code spring.mail.*})
 * @param smsUrl           the SMS gateway's HTTP endpoint; SMS is unavailable while it is empty
 * @param smsTemplate      the request body, with {mobile} and {text} filled in
 * @param smsContentType   the request's content type
 * @param deliveryInterval how often pending e-mails and SMS are sent; zero switches sending off
 * @param maxAttempts      attempts before a delivery is given up as failed
 * @param firstRetryDelay  the wait after the first failure; each further wait doubles, up to an hour
 */
@ConfigurationProperties("zhiban.notification")
public record NotificationProperties(
        @DefaultValue("zhiban@localhost") String mailFrom,
        @DefaultValue("") String smsUrl,
        @DefaultValue("{\"mobile\":\"{mobile}\",\"text\":\"{text}\"}") String smsTemplate,
        @DefaultValue("application/json") String smsContentType,
        @DefaultValue("PT2S") Duration deliveryInterval,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("PT1M") Duration firstRetryDelay) {
}
