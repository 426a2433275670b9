package org.ftpd.protocol.internal.throttle;

/**
 * A token bucket counted in bytes, for one direction of one channel (confined to its event loop) or, through
 * {@link Shared}, of the whole server. The rate is passed at every call, so a new limit applies at once: what
 * was sent beyond the allowance (the debt) is paid off at the rate in force when it is asked about. Up to
 * {@link #BURST_SECONDS} of unused allowance is kept, so short pauses of the sender (a disk read) cost no
 * throughput.
 */
public class RateBucket {

    static final double BURST_SECONDS = 0.05;

    private double tokens;
    private long last = System.nanoTime();

    /**
     * Counts {@code bytes} just moved at {@code rate} bytes per second.
     *
     * @return nanoseconds to wait before moving more; 0 when no limit or allowance is left
     */
    public long take(long bytes, long rate, long now) {
        if (rate <= 0) {
            reset(now);
            return 0;
        }
        refill(rate, now);
        tokens -= bytes;
        return waitNanos(rate);
    }

    /** Nanoseconds until the debt is paid at {@code rate}; 0 when there is none (or no limit). */
    public long waitNanos(long rate, long now) {
        if (rate <= 0) {
            reset(now);
            return 0;
        }
        refill(rate, now);
        return waitNanos(rate);
    }

    private long waitNanos(long rate) {
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * 1e9 / rate);
    }

    private void refill(long rate, long now) {
        long elapsed = Math.max(0, now - last);
        last = now;
        tokens = Math.min(rate * BURST_SECONDS, tokens + elapsed * (rate / 1e9));
    }

    private void reset(long now) {
        tokens = 0;
        last = now;
    }

    /** The same bucket used from several event loops at once (the server-wide limits). */
    public static final class Shared extends RateBucket {

        @Override
        public synchronized long take(long bytes, long rate, long now) {
            return super.take(bytes, rate, now);
        }

        @Override
        public synchronized long waitNanos(long rate, long now) {
            return super.waitNanos(rate, now);
        }
    }
}
