package org.zhiban.notification;

import java.util.List;
import java.util.function.Consumer;

/** Carries live events to every instance, this one included. */
interface LiveBroadcast {

    /** Sends the events of one transaction together: on PostgreSQL one NOTIFY, not one per event. */
    void send(List<LiveEvent> events);

    void onReceive(Consumer<LiveEvent> receiver);
}
