package org.ftpd.protocol.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.ftpd.api.FtpFile;
import org.ftpd.api.Permissions;
import org.junit.jupiter.api.Test;

/** pyftpdlib's unix.uid/unix.gid facts: numeric ids when the filesystem has them, beside the names. */
class MachineListingUnixFactsTest {

    private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");

    @Test
    void numericIdsAndNamesAreBothShown() {
        FtpFile f = new FtpFile("a.txt", "/a.txt", FtpFile.Type.FILE, 5, T, 0640, "alice", "staff", 1, "1g2",
                1000, 50);
        String line = MachineListing.line(f, Permissions.ALL, "a.txt", Fact.all());
        assertTrue(line.contains(";unix.uid=1000;unix.gid=50;unix.owner=alice;unix.group=staff;"), line);
        assertTrue(line.contains(";unix.mode=0640;"), line);
        assertTrue(line.endsWith(" a.txt"), line);
    }

    @Test
    void noIdsMeansNoIdFacts() {
        FtpFile f = new FtpFile("b", "/b", FtpFile.Type.DIRECTORY, 0, T, -1, null, null, 1, null);
        String line = MachineListing.line(f, Permissions.READ_ONLY, "b", Fact.all());
        assertFalse(line.contains("unix.uid"), line);
        assertFalse(line.contains("unix.gid"), line);
        assertEquals("type=dir;", line.substring(0, line.indexOf(';') + 1));
    }
}
