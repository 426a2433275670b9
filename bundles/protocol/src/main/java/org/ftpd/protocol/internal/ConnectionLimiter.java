package org.ftpd.protocol.internal;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ftpd.protocol.ServerSettings;

/** Counts control connections, in total and per client address, against the current limits. */
public final class ConnectionLimiter {

    /** Why a connection was refused, with the reply text. */
    public enum Refusal {
        TOO_MANY("Too many connections. Service temporarily unavailable."),
        TOO_MANY_FROM_ADDRESS("Too many connections from the same IP address.");

        private final String text;

        Refusal(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    /** Takes a slot for {@code address}, or returns why not (then nothing needs releasing). */
    public Refusal tryAcquire(InetAddress address, ServerSettings settings) {
        int max = settings.maxConnections();
        if (total.incrementAndGet() > max && max > 0) {
            total.decrementAndGet();
            return Refusal.TOO_MANY;
        }
        int maxPerIp = settings.maxConnectionsPerIp();
        AtomicInteger count = perAddress.compute(address, (a, c) -> {
            AtomicInteger n = c == null ? new AtomicInteger() : c;
            n.incrementAndGet();
            return n;
        });
        if (maxPerIp > 0 && count.get() > maxPerIp) {
            release(address);
            return Refusal.TOO_MANY_FROM_ADDRESS;
        }
        return null;
    }

    public void release(InetAddress address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (a, c) -> c.decrementAndGet() <= 0 ? null : c);
    }

    public int total() {
        return total.get();
    }
}
