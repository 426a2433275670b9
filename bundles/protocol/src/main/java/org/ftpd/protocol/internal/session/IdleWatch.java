package org.ftpd.protocol.internal.session;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Closes a control connection that stays silent longer than the idle timeout. The clock restarts with every
 * command and reply and stands still while {@code paused} says so (a transfer or a command is running). The
 * timeout is read at every check, so a reconfiguration applies without a new session.
 */
final class IdleWatch extends SessionTimer {

    private final BooleanSupplier paused;
    private final Runnable onIdle;
    private long lastActivity;

    IdleWatch(Channel channel, Supplier<Duration> timeout, BooleanSupplier paused, Runnable onIdle) {
        super(channel, timeout);
        this.paused = paused;
        this.onIdle = onIdle;
    }

    @Override
    void start() {
        touch();
        super.start();
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    /** How long since the last command or reply (or since the last check during a transfer). */
    Duration silentFor() {
        return Duration.ofNanos(System.nanoTime() - lastActivity);
    }

    @Override
    protected long look(long limitNanos, long nowNanos) {
        if (limitNanos == 0) {
            return RECHECK;
        }
        if (paused.getAsBoolean()) {
            touch();
            return limitNanos;
        }
        long silent = nowNanos - lastActivity;
        if (silent >= limitNanos) {
            onIdle.run();
            return DONE;
        }
        return limitNanos - silent;
    }
}
