package org.ftpd.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.ftpd.api.TransferInfo;
import org.junit.jupiter.api.Test;

/** The xferlog line, field by field. */
class TransferLogTest {

    static final ZonedDateTime END = ZonedDateTime.of(2026, 11, 5, 3, 4, 9, 0, ZoneOffset.UTC);

    @Test
    void aCompleteBinaryDownloadOfARealUser() {
        TransferInfo t = new TransferInfo("/pub/a.bin", 1_048_576, Duration.ofMillis(2_600), true);
        assertEquals("Thu Nov  5 03:04:09 2026 3 127.0.0.1 1048576 /pub/a.bin b _ o r alice ftp 0 * c",
                TransferLog.line(END, "127.0.0.1", "alice", t, false, false));
    }

    @Test
    void anIncompleteAsciiUploadOfAnonymousWithSpacesInTheName() {
        TransferInfo t = new TransferInfo("/in/my file\t1.txt", 12, Duration.ofMillis(3), false);
        assertEquals("Thu Nov  5 03:04:09 2026 1 ::1 12 /in/my_file_1.txt a _ i a anonymous ftp 0 * i",
                TransferLog.line(END, "::1", "anonymous", t, true, true));
    }

    @Test
    void twoDigitDaysAreNotPadded() {
        TransferInfo t = new TransferInfo("/x", 0, Duration.ZERO, true);
        assertEquals("Wed Nov 25 03:04:09 2026 1 10.0.0.1 0 /x b _ o r bob ftp 0 * c",
                TransferLog.line(END.withDayOfMonth(25), "10.0.0.1", "bob", t, false, false));
    }
}
