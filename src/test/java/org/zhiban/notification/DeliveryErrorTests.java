package org.zhiban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A gateway's error is kept with the numbers and e-mail addresses it quotes masked (ADR 0024: sealed elsewhere). */
class DeliveryErrorTests {

    @Test
    void aGatewaysErrorIsKeptWithItsAddressesMasked() {
        assertThat(DeliveryWorker.withoutAddresses(
                "MailSendException: 550 <duty.li@jintai.example>: mailbox unavailable; SMS 13800000001 refused"))
                .isEqualTo("MailSendException: 550 <***@jintai.example>: mailbox unavailable; SMS 138****0001 refused");
        assertThat(DeliveryWorker.withoutAddresses("HTTP 503 after 3 s; order 201213800000001999"))
                .as("digits inside a longer number are not a mobile").isEqualTo("HTTP 503 after 3 s; order 201213800000001999");
    }
}
