package org.ftpd.protocol.internal.session;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Reclaims connections that do not log in within {@code login.timeout} of connecting. The timeout is read again
 * when it runs out, so a changed value applies to connections already waiting; 0 turns the check off.
 */
final class LoginWatch {

    private static final long DISABLED_RECHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Channel channel;
    private final Supplier<Duration> timeout;
    private final BooleanSupplier loggedIn;
    private final Runnable onTimeout;
    private final long connectedAt = System.nanoTime();
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
        if (!channel.isActive() || loggedIn.getAsBoolean()) {
            // logged in: the idle timeout takes over from here
            return;
        }
        long limit = timeout.get().toNanos();
        if (limit == 0) {
            schedule(0);
            return;
        }
        long waited = System.nanoTime() - connectedAt;
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
