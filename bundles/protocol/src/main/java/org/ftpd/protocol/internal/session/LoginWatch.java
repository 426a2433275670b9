package org.ftpd.protocol.internal.session;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Reclaims connections that do not log in within {@code login.timeout} of connecting. The timeout is read again
 * when it runs out, so a changed value applies to connections already waiting; 0 turns the check off. While
 * the session is logged in it looks again once per timeout, so a session logged out by REIN is reclaimed too
 * (within one to two timeouts of the REIN).
 */
final class LoginWatch extends SessionTimer {

    private final BooleanSupplier loggedIn;
    private final Runnable onTimeout;
    /** Since when the connection has been without a login; -1 while logged in. */
    private long waitingSince = System.nanoTime();

    LoginWatch(Channel channel, Supplier<Duration> timeout, BooleanSupplier loggedIn, Runnable onTimeout) {
        super(channel, timeout);
        this.loggedIn = loggedIn;
        this.onTimeout = onTimeout;
    }

    @Override
    protected long look(long limitNanos, long nowNanos) {
        if (loggedIn.getAsBoolean()) {
            waitingSince = -1;
            return limitNanos;
        }
        if (waitingSince < 0) {
            waitingSince = nowNanos;
        }
        if (limitNanos == 0) {
            return RECHECK;
        }
        long waited = nowNanos - waitingSince;
        if (waited >= limitNanos) {
            onTimeout.run();
            return DONE;
        }
        return limitNanos - waited;
    }
}
