package org.ftpd.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyLogTest {

    @Test
    void mergesTheLogsOfAllWorkersSorted() {
        LatencyLog a = new LatencyLog();
        LatencyLog b = new LatencyLog();
        for (int i = 2000; i > 0; i -= 2) {
            a.add(i);
            b.add(i - 1);
        }
        long[] all = LatencyLog.sortedUnion(List.of(a, b));
        assertEquals(2000, all.length);
        assertEquals(1, all[0]);
        assertEquals(2000, all[1999]);
    }

    @Test
    void percentilesUseTheNearestRank() {
        long[] ms = new long[100];
        for (int i = 0; i < 100; i++) {
            ms[i] = (i + 1) * 1_000_000L;
        }
        assertEquals(50.0, LatencyLog.percentileMillis(ms, 50));
        assertEquals(99.0, LatencyLog.percentileMillis(ms, 99));
        assertEquals(7.0, LatencyLog.percentileMillis(new long[] {7_000_000L}, 99));
        assertEquals(0.0, LatencyLog.percentileMillis(new long[0], 50));
        assertArrayEquals(new long[0], LatencyLog.sortedUnion(List.of()));
    }
}
