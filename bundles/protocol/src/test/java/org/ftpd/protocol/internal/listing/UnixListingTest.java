package org.ftpd.protocol.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.ftpd.api.FtpFile;
import org.junit.jupiter.api.Test;

class UnixListingTest {

    // what the lines were made with before the dates were written by hand
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static String time(Instant t, boolean recent) {
        StringBuilder sb = new StringBuilder();
        UnixListing.appendTime(sb, t, recent);
        return sb.toString();
    }

    @Test
    void handWrittenDatesMatchTheFormatters() {
        Random random = new Random(7);
        long[] fixed = {0L, -1L, 951_782_400L /* 2000-02-29 */, 253_402_300_799L /* 9999-12-31 */,
            -62_135_596_800L /* 0001-01-01 */, -62_167_219_200L /* 0000-01-01 */, 253_402_300_800L /* 10000 */,
            -62_167_219_201L /* year -1 */};
        for (long s : fixed) {
            Instant t = Instant.ofEpochSecond(s, 999_999_999);
            assertEquals(RECENT.format(t), time(t, true), t.toString());
            assertEquals(OLD.format(t), time(t, false), t.toString());
        }
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L);
            assertEquals(RECENT.format(t), time(t, true), t.toString());
            assertEquals(OLD.format(t), time(t, false), t.toString());
        }
    }

    @Test
    void aLineHasTheLsColumnsAndShowsTheYearOnlyForTimesSixMonthsAway() {
        Instant now = Instant.parse("2026-12-03T09:30:00Z");
        FtpFile recent = new FtpFile("report.csv", "/report.csv", FtpFile.Type.FILE, 1234,
                Instant.parse("2026-07-01T08:05:59Z"), 0640, "alice", "staff", 1, null);
        assertEquals("-rw-r-----   1 alice    staff        1234 Jul 01 08:05 report.csv",
                UnixListing.line(recent, now));

        FtpFile old = new FtpFile("old", "/old", FtpFile.Type.DIRECTORY, 4096, Instant.parse("2026-06-05T09:29:59Z"),
                0755, "a-long-owner-name", null, 3, null);
        assertEquals("drwxr-xr-x   3 a-long-owner-name group        4096 Jun 05  2026 old",
                UnixListing.line(old, now));

        FtpFile future = new FtpFile("later", "/later", FtpFile.Type.SYMLINK, 0, Instant.parse("2027-05-31T23:00:00Z"),
                -1, null, null, 0, null);
        assertEquals("lrw-r--r--   1 owner    group           0 May 31 23:00 later", UnixListing.line(future, now));
    }
}
