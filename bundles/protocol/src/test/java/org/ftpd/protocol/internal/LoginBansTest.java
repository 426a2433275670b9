package org.ftpd.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginBansTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration BAN = Duration.ofSeconds(300);

    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginBans bans = new LoginBans(3, now::get);

    private static InetAddress address(int last) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void bansAfterTheConfiguredFailuresWithinTheWindowAndTheBanExpires() throws Exception {
        InetAddress a = address(1);
        assertFalse(bans.failed(a, 3, WINDOW, BAN));
        assertFalse(bans.failed(a, 3, WINDOW, BAN));
        assertNull(bans.banned(a));
        assertTrue(bans.failed(a, 3, WINDOW, BAN));
        Duration left = bans.banned(a);
        assertNotNull(left);
        assertEquals(BAN, left);
        assertNull(bans.banned(address(2)), "other addresses are not banned");
        advance(BAN.minusSeconds(1));
        assertNotNull(bans.banned(a));
        advance(Duration.ofSeconds(1));
        assertNull(bans.banned(a), "the ban expires");
        assertFalse(bans.failed(a, 3, WINDOW, BAN), "counting starts again after a ban");
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() throws Exception {
        InetAddress a = address(1);
        bans.failed(a, 3, WINDOW, BAN);
        bans.failed(a, 3, WINDOW, BAN);
        advance(WINDOW.plusSeconds(1));
        assertFalse(bans.failed(a, 3, WINDOW, BAN));
        assertFalse(bans.failed(a, 3, WINDOW, BAN));
        assertNull(bans.banned(a));
        assertTrue(bans.failed(a, 3, WINDOW, BAN));
    }

    @Test
    void zeroFailuresTurnsBansOff() throws Exception {
        InetAddress a = address(1);
        for (int i = 0; i < 100; i++) {
            assertFalse(bans.failed(a, 0, WINDOW, BAN));
        }
        assertNull(bans.banned(a));
        assertEquals(0, bans.size());
    }

    @Test
    void theTableStaysWithinItsCapacity() throws Exception {
        for (int i = 1; i <= 50; i++) {
            bans.failed(address(i), 5, WINDOW, BAN);
            assertTrue(bans.size() <= 3, "size " + bans.size());
        }
        // the most recent addresses are the ones remembered
        bans.failed(address(50), 5, WINDOW, BAN);
        assertEquals(3, bans.size());
    }

    @Test
    void anExpiredBanMakesRoomBeforeALiveRecordIsDropped() throws Exception {
        bans.failed(address(1), 1, WINDOW, Duration.ofSeconds(1));
        bans.failed(address(2), 1, WINDOW, BAN);
        bans.failed(address(3), 1, WINDOW, BAN);
        advance(Duration.ofSeconds(2));
        bans.failed(address(4), 1, WINDOW, BAN);
        assertNotNull(bans.banned(address(2)));
        assertNotNull(bans.banned(address(3)));
        assertNotNull(bans.banned(address(4)));
    }
}
