package org.zhiban.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Actor;

/**
 * Live push to open pages by Server-Sent Events. Events are published after the transaction that caused them
 * commits, travel between instances through the {@link LiveBroadcast} (PostgreSQL LISTEN/NOTIFY, or in process on
 * H2), and reach the pages connected to each instance whose account may see them.
 */
@Component
public class LiveUpdates implements DisposableBean {

    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final Map<UUID, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final LiveBroadcast broadcast;
    private final UnitTree unitTree;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates(LiveBroadcast broadcast, UnitTree unitTree) {
        this.broadcast = broadcast;
        this.unitTree = unitTree;
        broadcast.onReceive(this::deliverLocally);
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A page of the actor opens its stream. */
    public SseEmitter subscribe(Actor actor) {
        return subscribe(actor, new SseEmitter(0L));
    }

    SseEmitter subscribe(Actor actor, SseEmitter emitter) {
        Subscriber subscriber = new Subscriber(actor, emitter);
        subscribers.computeIfAbsent(actor.accountId(), id -> new CopyOnWriteArrayList<>()).add(subscriber);
        Runnable remove = () -> subscribers.getOrDefault(actor.accountId(), List.of()).remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        subscriber.send(SseEmitter.event().name("ready").data("ok"));
        return emitter;
    }

    /**
     * Publishes once the current transaction commits (at once when there is none); the same event raised twice in
     * one transaction — two deadlines of one unit opened — is sent once.
     */
    public void publishAfterCommit(LiveEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            broadcast.send(List.of(event));
            return;
        }
        AfterCommit batch = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(AfterCommit.class::isInstance).map(AfterCommit.class::cast).findFirst()
                .orElseGet(() -> {
                    AfterCommit created = new AfterCommit();
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        batch.events.add(event);
    }

    /** The live events of one transaction, sent after it commits. */
    private final class AfterCommit implements TransactionSynchronization {

        private final Set<LiveEvent> events = new LinkedHashSet<>();

        @Override
        public void afterCommit() {
            broadcast.send(List.copyOf(events));
        }
    }

    public int connections() {
        return subscribers.values().stream().mapToInt(List::size).sum();
    }

    void deliverLocally(LiveEvent event) {
        if (LiveEvent.NOTIFICATION.equals(event.type())) {
            subscribers.getOrDefault(event.accountId(), List.of())
                    .forEach(s -> s.send(SseEmitter.event().name(LiveEvent.NOTIFICATION).data(event.title() == null ? ""
                            : event.title())));
            return;
        }
        if (subscribers.isEmpty()) {
            return;
        }
        Set<UUID> concerned = new HashSet<>();
        for (Unit unit : unitTree.pathTo(event.unitId())) {
            concerned.add(unit.id());
        }
        subscribers.values().forEach(list -> list.stream()
                .filter(s -> s.actor.platformWide() || s.actor.unitId() != null && concerned.contains(s.actor.unitId()))
                .forEach(s -> s.send(SseEmitter.event().name(LiveEvent.OBLIGATIONS).data(event.unitId().toString()))));
    }

    private void beat() {
        subscribers.values().forEach(list -> list.forEach(s -> s.send(SseEmitter.event().comment("heartbeat"))));
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        subscribers.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
    }

    /** One open page; sends are serialised because an emitter is not safe for concurrent use. */
    private record Subscriber(Actor actor, SseEmitter emitter) {

        void send(SseEmitter.SseEventBuilder event) {
            synchronized (emitter) {
                try {
                    emitter.send(event);
                }
                catch (IOException | IllegalStateException gone) {
                    closeGone(gone);
                }
            }
        }

        /**
         * Closes a page's stream that has gone. The server may have closed it first (the page was shut while an event
         * was on its way), and then closing fails too: that must not fail the request whose change is being told,
         * committed already. The emitter's callbacks drop the subscriber either way.
         */
        private void closeGone(Exception gone) {
            try {
                emitter.completeWithError(gone);
            }
            catch (IllegalStateException closedAlready) {
                // Nothing to close.
            }
        }
    }
}
