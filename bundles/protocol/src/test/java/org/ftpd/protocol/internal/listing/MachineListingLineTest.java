package org.ftpd.protocol.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ftpd.api.FtpFile;
import org.ftpd.api.Permissions;
import org.junit.jupiter.api.Test;

/** MLSD lines as MLSD writes them into a chunk, as text, and as MLST prints them: the same bytes. */
class MachineListingLineTest {

    private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");

    @Test
    void aFileWithTheDefaultFacts() {
        FtpFile f = new FtpFile("report.csv", "/d/report.csv", FtpFile.Type.FILE, 1234567, T, 0644, "alice", "staff",
                1, "803g1a2b");
        assertEquals("type=file;size=1234567;modify=20240506070809;perm=rawdf;unique=803g1a2b; report.csv",
                written(MachineListing.entries(Permissions.ALL, Fact.defaults()), f));
    }

    @Test
    void factsWithoutAValueAreLeftOutAndNamesKeepTheirUtf8() {
        FtpFile f = new FtpFile("Grüße 📁", "/Grüße 📁", FtpFile.Type.DIRECTORY, 0, null, -1, null, null, 1, null);
        assertEquals("type=dir;size=0;perm=el; Grüße 📁",
                written(MachineListing.entries(Permissions.READ_ONLY, Fact.all()), f));
    }

    @Test
    void everyFormGivesTheSameLine() {
        List<FtpFile> files = List.of(
                new FtpFile("a", "/a", FtpFile.Type.FILE, 0, Instant.EPOCH, 0, "0", "0", 1, "1g0", 0, 0),
                new FtpFile("big", "/big", FtpFile.Type.FILE, Long.MAX_VALUE, Instant.ofEpochSecond(253_402_300_799L),
                        07777, "bob", "wheel", 3, "(dev=1,ino=2)", 501, 20),
                new FtpFile("odd", "/odd", FtpFile.Type.OTHER, -1, Instant.ofEpochSecond(-62_000_000_000L), 0600,
                        "x;y", "1000", 1, "fe01gffff", -1, -1),
                new FtpFile("ln", "/ln", FtpFile.Type.SYMLINK, 7, T, 0777, null, null, 1, null));
        for (Set<Fact> facts : List.of(Fact.all(), Fact.defaults(), EnumSet.of(Fact.SIZE), EnumSet.noneOf(Fact.class))) {
            LineWriter<FtpFile> writer = MachineListing.entries(Permissions.ALL, facts);
            for (FtpFile f : files) {
                String text = writer.apply(f);
                assertEquals(text, written(writer, f), f.name());
                assertEquals(text, MachineListing.line(f, Permissions.ALL, f.name(), facts), f.name());
            }
        }
    }

    @Test
    void aLineLongerThanTheBufferGrowsIt() {
        String name = "n".repeat(5000);
        FtpFile f = new FtpFile(name, "/" + name, FtpFile.Type.FILE, 1, T, -1, null, null, 1, null);
        assertEquals("size=1; " + name, written(MachineListing.entries(Permissions.ALL, EnumSet.of(Fact.SIZE)), f));
    }

    private static String written(LineWriter<FtpFile> writer, FtpFile f) {
        ByteBuf out = Unpooled.buffer(16);
        try {
            out.writeByte('>');
            writer.write(f, out);
            String line = out.toString(StandardCharsets.UTF_8);
            assertEquals('>', line.charAt(0));
            return line.substring(1);
        } finally {
            out.release();
        }
    }
}
