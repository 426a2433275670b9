package org.ftpd.bench;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * CPU time of a server under test, from Linux's /proc: user and system time of the process and all its
 * descendants, plus what each has collected from children that ended (a process per session, as vsftpd runs,
 * is counted once its parent has reaped it). Client and server share the machine's cores in a loopback
 * benchmark, so the server's CPU time per operation compares servers where the throughput alone cannot.
 */
final class ServerCpu {

    /** Linux reports times in USER_HZ ticks, 100 per second on every architecture it runs on. */
    private static final double MILLIS_PER_TICK = 10.0;

    private ServerCpu() {
    }

    /** Clock ticks used so far by {@code pid} and its descendants, or empty when unreadable. */
    static OptionalLong ticksOfTree(long pid) {
        long total = 0;
        boolean any = false;
        for (long p : ProcessTree.selfAndDescendants(pid)) {
            try {
                String[] f = ProcessTree.statFields(p);
                total += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                        + Long.parseLong(f[14]);
                any = true;
            } catch (IOException | RuntimeException e) {
                // ended meanwhile: its time is in its parent's children's times once reaped
            }
        }
        return any ? OptionalLong.of(total) : OptionalLong.empty();
    }

    /** Clock ticks of the server's tree, or empty without a pid. */
    static OptionalLong ticksOfTree(OptionalLong pid) {
        return pid.isPresent() ? ticksOfTree(pid.getAsLong()) : OptionalLong.empty();
    }

    /** Milliseconds of server CPU per operation between two readings, or NaN when either is missing. */
    static double millisPerOperation(OptionalLong before, OptionalLong after, long operations) {
        if (before.isEmpty() || after.isEmpty() || operations <= 0) {
            return Double.NaN;
        }
        return (after.getAsLong() - before.getAsLong()) * MILLIS_PER_TICK / operations;
    }
}
