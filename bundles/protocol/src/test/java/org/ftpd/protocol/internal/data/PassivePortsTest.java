package org.ftpd.protocol.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.ftpd.protocol.PortRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassivePortsTest {

    @Test
    void aConfiguredRangeIsTriedWholeOnceFromSomewhereInIt() {
        PortRange range = new PortRange(60000, 60009);
        PassivePorts ports = PassivePorts.of(range);
        assertEquals(10, ports.tries());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < ports.tries(); i++) {
            int port = ports.port(i);
            assertTrue(port >= 60000 && port <= 60009, "port " + port);
            seen.add(port);
        }
        assertEquals(10, seen.size());
        assertEquals(range, ports.configured());
    }

    @Test
    void aLargeRangeIsTriedAtMostTwoHundredTimes() {
        assertEquals(PassivePorts.MAX_TRIES, PassivePorts.of(new PortRange(1024, 65535)).tries());
    }

    @Test
    void automaticPortsAreOddPortsOfTheEphemeralRangeThenPortZero() {
        PortRange ephemeral = new PortRange(32768, 60999);
        for (int round = 0; round < 200; round++) {
            PassivePorts ports = PassivePorts.automatic(ephemeral);
            assertEquals(PassivePorts.AUTOMATIC_TRIES + 1, ports.tries());
            for (int i = 0; i < PassivePorts.AUTOMATIC_TRIES; i++) {
                int port = ports.port(i);
                assertTrue(port >= 32768 && port <= 60999 && port % 2 == 1, "port " + port);
            }
            assertEquals(0, ports.port(PassivePorts.AUTOMATIC_TRIES));
        }
    }

    @Test
    void anEvenUpperBoundStaysInside() {
        PortRange ephemeral = new PortRange(40000, 40016);
        for (int round = 0; round < 500; round++) {
            int port = PassivePorts.automatic(ephemeral).port(0);
            assertTrue(port >= 40001 && port <= 40015 && port % 2 == 1, "port " + port);
        }
    }

    @Test
    void theEphemeralRangeIsReadFromTheProcFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");
        assertEquals(new PortRange(32768, 60999), PassivePorts.ephemeral(file));
    }

    @Test
    void anUnreadableOrOddProcFileMeansTheDynamicPorts(@TempDir Path dir) throws Exception {
        assertEquals(PassivePorts.DYNAMIC, PassivePorts.ephemeral(dir.resolve("missing")));
        assertEquals(PassivePorts.DYNAMIC, PassivePorts.ephemeral(Files.writeString(dir.resolve("a"), "garbage")));
        assertEquals(PassivePorts.DYNAMIC, PassivePorts.ephemeral(Files.writeString(dir.resolve("b"), "5000 5003")));
    }
}
