package org.zhiban.notification;

import java.util.function.Consumer;

/** Carries live events to every instance, this one included. */
interface LiveBroadcast {

    void send(LiveEvent event);

    void onReceive(Consumer<LiveEvent> receiver);
}
