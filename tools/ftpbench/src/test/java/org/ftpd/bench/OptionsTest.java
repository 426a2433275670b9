package org.ftpd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void casesTakeTheirOwnClientCountsOrTheGlobalOneOrTheirDefault() {
        assertEquals(List.of(new CaseSpec(CaseKind.LOGINS, 7), new CaseSpec(CaseKind.IDLE, 10000)),
                Options.parse("--cases", "logins:7,idle:10000").caseSpecs());
        assertEquals(List.of(new CaseSpec(CaseKind.RETR, 3), new CaseSpec(CaseKind.LIST, 9)),
                Options.parse("-c", "3", "-b", "retr,list:9").caseSpecs());
        assertEquals(CaseKind.values().length, Options.parse().caseSpecs().size());
        assertEquals(new CaseSpec(CaseKind.STOR_SMALL, 50), Options.parse("--case=stor_small").caseSpecs().get(0));
    }

    @Test
    void sizesTakeBinarySuffixes() {
        Options o = Options.parse("--stor-size", "1g", "--small-size=64K", "--socket-buffer", "0");
        assertEquals(1L << 30, o.storSize);
        assertEquals(65536, o.smallSize);
        assertEquals(0, o.socketBuffer);
        assertEquals(10_000, Options.parse("--small-size", "10000").smallSize);
    }

    @Test
    void serversNameTheirAddressAndOptionallyTheirProcess() {
        List<Target> t = Options.parse("-u", "bench", "-p", "pw", "--server", "vsftpd=127.0.0.1:2122/auto",
                "--server", "ours=[::1]:2131/4242", "--server", "x=localhost:21").targets();
        assertEquals(new Target("vsftpd", "127.0.0.1", 2122, "bench", "pw", "auto"), t.get(0));
        assertEquals(new Target("ours", "::1", 2131, "bench", "pw", "4242"), t.get(1));
        assertNull(t.get(2).pid());
        Target single = Options.parse("-H", "127.0.0.1", "-P", "2123").targets().get(0);
        assertEquals("127.0.0.1:2123", single.name());
    }

    @Test
    void badCommandLinesAreRefusedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--bogus")).getMessage()
                .contains("unknown option --bogus"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--cases", "retr,nope"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--cases", "retr:0"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--server", "nameless"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--server", "a=host:70000"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--server", "a=host:21/self"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--pid", "-1"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--stor-size", "12x"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--seconds"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--format", "xml"));
    }
}
