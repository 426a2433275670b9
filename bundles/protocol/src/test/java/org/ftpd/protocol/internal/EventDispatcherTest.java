package org.ftpd.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.SessionInfo;
import org.junit.jupiter.api.Test;

/** Non-blocking listeners hear an event on the firing thread, the others on the events thread; all hear it. */
class EventDispatcherTest {

    @Test
    void nonBlockingListenersRunOnTheFiringThreadAndOthersOnTheEventsThread() throws Exception {
        AtomicReference<String> inlineThread = new AtomicReference<>();
        AtomicReference<String> queuedThread = new AtomicReference<>();
        CountDownLatch queuedHeard = new CountDownLatch(1);
        NonBlockingEventListener failing = new NonBlockingEventListener() {
            @Override
            public void onConnect(SessionInfo s) {
                throw new IllegalStateException("listener bug");
            }
        };
        NonBlockingEventListener inline = new NonBlockingEventListener() {
            @Override
            public void onConnect(SessionInfo s) {
                inlineThread.set(Thread.currentThread().getName());
            }
        };
        FtpEventListener queued = new FtpEventListener() {
            @Override
            public void onConnect(SessionInfo s) {
                queuedThread.set(Thread.currentThread().getName());
                queuedHeard.countDown();
            }
        };
        EventDispatcher events = new EventDispatcher(() -> List.of(failing, inline, queued));
        try {
            events.fire("connect", l -> l.onConnect(null));
            // the inline listener has heard it when fire returns, despite the one before it throwing
            assertEquals(Thread.currentThread().getName(), inlineThread.get());
            assertTrue(queuedHeard.await(5, TimeUnit.SECONDS));
            assertEquals("ftpd-events", queuedThread.get());
        } finally {
            events.shutdown();
        }
    }
}
