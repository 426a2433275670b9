package org.ftpd.protocol.internal.session;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Reclaims connections that do not log in within {@code login.timeout} of connecting. The timeout is read again
 * when it runs out, so a changed value applies to connections already waiting; 0 turns the check off. While
 * the session is logged in it looks again once per timeout, so a session logged out by REIN is reclaimed too
 * (within one to two timeouts of the REIN).
 */
final class LoginWatch {

    private static final long DISABLED_RECHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Channel channel;
    private final Supplier<Duration> timeout;
    private final BooleanSupplier loggedIn;
    private final Runnable onTimeout;
    /** Since when the connection has been without a login; -1 while logged in. */
    private long waitingSince = System.nanoTime();
    private ScheduledFuture<?> check;

    LoginWatch(Channel channel, Supplier<Duration> timeout, BooleanSupplier loggedIn, Runnable onTimeout) {
        this.channel = channel;
        this.timeout = timeout;
        this.loggedIn = loggedIn;
        this.onTimeout = onTimeout;
    }

    void start() {
        schedule(timeout.get().toNanos());
    }

    void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private void check() {
        check = null;
        if (!channel.isActive()) {
            return;
        }
        long limit = timeout.get().toNanos();
        if (loggedIn.getAsBoolean()) {
            waitingSince = -1;
            schedule(limit);
            return;
        }
        long now = System.nanoTime();
        if (waitingSince < 0) {
            waitingSince = now;
        }
        if (limit == 0) {
            schedule(0);
            return;
        }
        long waited = now - waitingSince;
        if (waited >= limit) {
            onTimeout.run();
        } else {
            schedule(limit - waited);
        }
    }

    private void schedule(long delayNanos) {
        long delay = delayNanos <= 0 ? DISABLED_RECHECK_NANOS : delayNanos;
        check = channel.eventLoop().schedule(this::check, delay, TimeUnit.NANOSECONDS);
    }
}
