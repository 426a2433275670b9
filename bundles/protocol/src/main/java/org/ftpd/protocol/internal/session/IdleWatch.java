package org.ftpd.protocol.internal.session;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Closes a control connection that stays silent longer than the idle timeout. The clock restarts with every
 * command and reply and stands still while {@code paused} says so (a transfer or a command is running). The
 * timeout is read at every check, so a reconfiguration applies without a new session.
 */
final class IdleWatch {

    /** How often to look again while the timeout is disabled, to notice it being enabled. */
    private static final long DISABLED_RECHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Channel channel;
    private final Supplier<Duration> timeout;
    private final BooleanSupplier paused;
    private final Runnable onIdle;
    private long lastActivity;
    private ScheduledFuture<?> check;

    IdleWatch(Channel channel, Supplier<Duration> timeout, BooleanSupplier paused, Runnable onIdle) {
        this.channel = channel;
        this.timeout = timeout;
        this.paused = paused;
        this.onIdle = onIdle;
    }

    void start() {
        touch();
        schedule(nanos(timeout.get()));
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    /** How long since the last command or reply (or since the last check during a transfer). */
    Duration silentFor() {
        return Duration.ofNanos(System.nanoTime() - lastActivity);
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
        long limit = nanos(timeout.get());
        if (limit == 0) {
            schedule(DISABLED_RECHECK_NANOS);
            return;
        }
        if (paused.getAsBoolean()) {
            touch();
            schedule(limit);
            return;
        }
        long silent = System.nanoTime() - lastActivity;
        if (silent >= limit) {
            onIdle.run();
        } else {
            schedule(limit - silent);
        }
    }

    private void schedule(long delayNanos) {
        long delay = delayNanos == 0 ? DISABLED_RECHECK_NANOS : delayNanos;
        check = channel.eventLoop().schedule(this::check, delay, TimeUnit.NANOSECONDS);
    }

    private static long nanos(Duration d) {
        return d.toNanos();
    }
}
