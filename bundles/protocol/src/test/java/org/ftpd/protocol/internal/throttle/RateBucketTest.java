package org.ftpd.protocol.internal.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic, on explicit clock values. */
class RateBucketTest {

    private static final long SECOND = 1_000_000_000L;

    /** Within a millisecond: the bucket's clock starts when it is made, a little before the test's. */
    private static void assertWait(long expected, long actual) {
        assertEquals((double) expected, (double) actual, 1_000_000, "wait in ns");
    }

    private static void assertWait(long expected, long actual, String message) {
        assertEquals((double) expected, (double) actual, 1_000_000, message);
    }

    @Test
    void debtIsPaidAtTheRate() {
        RateBucket bucket = new RateBucket();
        long t = System.nanoTime();
        bucket.waitNanos(1000, t); // starts the clock with nothing saved
        assertWait(SECOND / 2, bucket.take(500, 1000, t));
        assertWait(SECOND / 4, bucket.waitNanos(1000, t + SECOND / 4));
        assertEquals(0, bucket.waitNanos(1000, t + SECOND / 2));
    }

    @Test
    void aNewRateAppliesToWhatIsStillOwed() {
        RateBucket bucket = new RateBucket();
        long t = System.nanoTime();
        bucket.waitNanos(1000, t);
        bucket.take(1000, 1000, t); // one second owed at 1000 B/s
        // the rate goes up tenfold: the 1000 bytes owed take a tenth of a second
        assertWait(SECOND / 10, bucket.waitNanos(10_000, t));
        // no limit any more: nothing is owed
        assertEquals(0, bucket.waitNanos(0, t));
        assertEquals(0, bucket.take(1_000_000, 0, t));
    }

    @Test
    void idleTimeSavesAtMostABurst() {
        RateBucket bucket = new RateBucket();
        long t = System.nanoTime();
        bucket.waitNanos(1000, t);
        // ten idle seconds save 50 ms worth (50 bytes at 1000 B/s), not ten seconds
        long later = t + 10 * SECOND;
        assertEquals(0, bucket.take(50, 1000, later));
        assertWait(SECOND / 20, bucket.take(50, 1000, later));
    }

    @Test
    void theSharedBucketCountsEveryUser() {
        RateBucket shared = new RateBucket.Shared();
        long t = System.nanoTime();
        shared.waitNanos(1000, t);
        shared.take(300, 1000, t);
        assertWait(SECOND / 2, shared.take(200, 1000, t), "500 bytes owed by two channels together");
    }

    @Test
    void ratesAndTheStricterOfTwo() {
        assertEquals(512 * 1024, ByteRates.parse("512k"));
        assertEquals(512 * 1024, ByteRates.parse("512 K"));
        assertEquals(3L << 30, ByteRates.parse("3g"));
        assertEquals(1L << 40, ByteRates.parse("1024g"));
        assertThrows(IllegalArgumentException.class, () -> ByteRates.parse("1025g"));
        assertThrows(IllegalArgumentException.class, () -> ByteRates.parse(""));
        assertEquals(5, ByteRates.stricter(0, 5));
        assertEquals(5, ByteRates.stricter(5, 0));
        assertEquals(3, ByteRates.stricter(5, 3));
        assertEquals(0, ByteRates.stricter(0, 0));
    }
}
