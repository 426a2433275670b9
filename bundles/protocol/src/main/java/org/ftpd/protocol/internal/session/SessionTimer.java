package org.ftpd.protocol.internal.session;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A timeout watched on a connection's event loop until the connection closes. The timeout is read again at
 * every look, so a reconfiguration applies to sessions already open; while it is 0 (off) the timer looks again
 * every {@link #OFF_RECHECK_NANOS} to notice it being turned on. Subclasses say what a look finds.
 */
abstract class SessionTimer {

    /** From {@link #look}: fired, look no more. */
    static final long DONE = -1;
    /** From {@link #look}: look again after the off-recheck interval. */
    static final long RECHECK = 0;

    private static final long OFF_RECHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Channel channel;
    private final Supplier<Duration> timeout;
    private ScheduledFuture<?> next;

    SessionTimer(Channel channel, Supplier<Duration> timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    void start() {
        schedule(timeoutNanos());
    }

    void stop() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    /**
     * One look at the clock.
     *
     * @param limitNanos the timeout now, 0 when it is off
     * @return nanoseconds until the next look, {@link #RECHECK} or {@link #DONE}
     */
    protected abstract long look(long limitNanos, long nowNanos);

    private void run() {
        next = null;
        if (!channel.isActive()) {
            return;
        }
        long delay = look(timeoutNanos(), System.nanoTime());
        if (delay != DONE) {
            schedule(delay);
        }
    }

    private long timeoutNanos() {
        return timeout.get().toNanos();
    }

    private void schedule(long delayNanos) {
        long delay = delayNanos <= 0 ? OFF_RECHECK_NANOS : delayNanos;
        next = channel.eventLoop().schedule(this::run, delay, TimeUnit.NANOSECONDS);
    }
}
