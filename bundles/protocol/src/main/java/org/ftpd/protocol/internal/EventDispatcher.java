package org.ftpd.protocol.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ftpd.api.FtpEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the event listeners on one thread of its own, in order, each in isolation: a listener that throws is
 * logged and the others still hear the event; a slow one never holds up a session. What the listeners log carries
 * the MDC of the session that fired the event. The engine's own {@link NonBlockingEventListener}s are called at
 * once on the firing thread: waking the events thread for them cost more than what they do.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final Supplier<? extends List<? extends FtpEventListener>> listeners;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ftpd-events");
        t.setDaemon(true);
        return t;
    });

    public EventDispatcher(Supplier<? extends List<? extends FtpEventListener>> listeners) {
        this.listeners = listeners;
    }

    /** Delivers an event to every listener present when it is delivered. */
    public void fire(String name, Consumer<FtpEventListener> event) {
        boolean others = false;
        for (FtpEventListener listener : listeners.get()) {
            if (listener instanceof NonBlockingEventListener) {
                deliver(listener, name, event);
            } else {
                others = true;
            }
        }
        if (!others) {
            return;
        }
        SessionMdc mdc = SessionMdc.current();
        try {
            thread.execute(mdc == null ? () -> deliver(name, event) : () -> mdc.run(() -> deliver(name, event)));
        } catch (RejectedExecutionException e) {
            LOG.debug("event {} dropped: the server is stopping", name);
        }
    }

    /** On the events thread: every listener but the non-blocking ones, which heard the event already. */
    private void deliver(String name, Consumer<FtpEventListener> event) {
        List<? extends FtpEventListener> current = listeners.get();
        for (FtpEventListener listener : current) {
            if (!(listener instanceof NonBlockingEventListener)) {
                deliver(listener, name, event);
            }
        }
    }

    private static void deliver(FtpEventListener listener, String name, Consumer<FtpEventListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("event listener {} failed on {}", listener, name, e);
        }
    }

    /** Delivers what is queued (briefly), then stops. */
    public void shutdown() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
