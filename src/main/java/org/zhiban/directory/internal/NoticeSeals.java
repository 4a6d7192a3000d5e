package org.zhiban.directory.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.organization.SealedPersonalData;

/** The notices' sealed contacts, among the tables a key rotation seals again (ADR 0024). */
@Configuration(proxyBeanMethods = false)
class NoticeSeals {

    @Bean
    SealedPersonalData absenceContacts(NoticeRepository notices) {
        return notices.sealedColumns().get(0);
    }

    @Bean
    SealedPersonalData obituaryContactPhones(NoticeRepository notices) {
        return notices.sealedColumns().get(1);
    }
}
