package org.zhiban.notification;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.support.IntegrationTestSupport;

class LiveUpdatesIntegrationTests extends IntegrationTestSupport {

    @Autowired
    LiveUpdates live;

    /**
     * A page was shut while an event was on its way: the server had closed its stream, so sending fails and closing
     * it fails too (Tomcat refuses an AsyncContext after an error). The change being told had committed already, and
     * its request answered 500 until this was caught.
     */
    @Test
    void aStreamTheServerClosedFirstDoesNotFailTheChangeBeingTold() {
        Actor actor = new Actor(UUID.randomUUID(), "closed-page", "已关闭的页面", null, Set.of(Role.DUTY_OFFICER));
        SseEmitter closedFirst = new SseEmitter(0L) {
            @Override
            public void send(SseEventBuilder builder) throws IOException {
                throw new IOException("页面已关闭");
            }

            @Override
            public void completeWithError(Throwable failure) {
                throw new IllegalStateException("AsyncContext 已在出错后关闭");
            }
        };
        assertThatCode(() -> live.subscribe(actor, closedFirst)).doesNotThrowAnyException();
        assertThatCode(() -> live.deliverLocally(LiveEvent.notification(actor.accountId(), "【测试】")))
                .doesNotThrowAnyException();
    }
}
