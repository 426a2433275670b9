package org.ftpd.protocol.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MachineListingTimestampTest {

    @Test
    void handWrittenTimestampMatchesTheFormatter() {
        Random random = new Random(42);
        long[] fixed = {0L, 1_700_000_000L, 951_782_400L /* 2000-02-29 */, 253_402_300_799L /* 9999-12-31 */};
        for (long s : fixed) {
            Instant t = Instant.ofEpochSecond(s, 999_999_999);
            assertEquals(MachineListing.TIME.format(t), MachineListing.timestamp(t));
        }
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(Math.floorMod(random.nextLong(), 253_402_300_800L));
            assertEquals(MachineListing.TIME.format(t), MachineListing.timestamp(t));
        }
        assertEquals("19691231235959", MachineListing.timestamp(Instant.ofEpochSecond(-1)));
    }
}
