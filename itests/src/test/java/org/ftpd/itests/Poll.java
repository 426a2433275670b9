package org.ftpd.itests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it until a deadline: the tests never sleep for a fixed time. */
final class Poll {

    private static final long INTERVAL_MILLIS = 100;

    private Poll() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} when it still does not after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
        }
    }
}
