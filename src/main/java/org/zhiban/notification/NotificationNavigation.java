package org.zhiban.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;

@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

    @Bean
    NavigationItem notificationsNavigationItem() {
        return NavigationItem.forEveryone(70, "消息", "/notifications");
    }
}
