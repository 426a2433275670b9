package org.ftpd.protocol.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address, and the addresses banned for failing too often within a window. The table is
 * bounded: past {@link #capacity} addresses the least recently seen one is forgotten, so a flood of addresses costs
 * memory only up to the cap. Failed logins are slowed by the failed-login delay, so one lock is no bottleneck.
 */
public final class LoginBans {

    /** Addresses tracked at most (each holds at most {@code ban.max.failures} timestamps). */
    static final int DEFAULT_CAPACITY = 10_000;

    private static final class Record {
        final ArrayDeque<Long> failures = new ArrayDeque<>();
        long bannedUntil;
        boolean banned;
    }

    private final int capacity;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<InetAddress, Record> records = new LinkedHashMap<>(64, 0.75f, true);

    public LoginBans() {
        this(DEFAULT_CAPACITY, System::nanoTime);
    }

    LoginBans(int capacity, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    /** The time left on {@code address}'s ban, or null when it is not banned. */
    public synchronized Duration banned(InetAddress address) {
        Record r = records.get(address);
        if (r == null || !r.banned) {
            return null;
        }
        long left = r.bannedUntil - nanoClock.getAsLong();
        if (left <= 0) {
            records.remove(address);
            return null;
        }
        return Duration.ofNanos(left);
    }

    /**
     * Counts a failed login from {@code address}.
     *
     * @param maxFailures failures within {@code window} that ban the address (0: never)
     * @return true when this failure started a ban
     */
    public synchronized boolean failed(InetAddress address, int maxFailures, Duration window, Duration duration) {
        if (maxFailures <= 0) {
            return false;
        }
        long now = nanoClock.getAsLong();
        Record r = records.get(address);
        if (r == null) {
            evictIfFull(now);
            r = new Record();
            records.put(address, r);
        } else if (r.banned) {
            if (r.bannedUntil - now > 0) {
                return false;
            }
            r.banned = false;
            r.failures.clear();
        }
        long windowStart = now - window.toNanos();
        while (!r.failures.isEmpty() && r.failures.peekFirst() - windowStart < 0) {
            r.failures.pollFirst();
        }
        r.failures.addLast(now);
        if (r.failures.size() >= maxFailures) {
            r.failures.clear();
            r.banned = true;
            r.bannedUntil = now + duration.toNanos();
            return true;
        }
        return false;
    }

    /** Drops the bans and failures of every address (for a change of the ban settings that turns bans off). */
    public synchronized void clear() {
        records.clear();
    }

    synchronized int size() {
        return records.size();
    }

    /** Forgets expired bans first, then the least recently seen addresses, to stay under the cap. */
    private void evictIfFull(long now) {
        if (records.size() < capacity) {
            return;
        }
        records.values().removeIf(r -> r.banned && r.bannedUntil - now <= 0);
        Iterator<Map.Entry<InetAddress, Record>> eldest = records.entrySet().iterator();
        while (records.size() >= capacity && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
