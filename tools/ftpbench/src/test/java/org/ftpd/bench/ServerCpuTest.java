package org.ftpd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ServerCpuTest {

    @Test
    void ticksAreMillisecondsByTheHundredPerOperation() {
        assertEquals(2.5, ServerCpu.millisPerOperation(OptionalLong.of(100), OptionalLong.of(150), 200), 1e-9);
        assertTrue(Double.isNaN(ServerCpu.millisPerOperation(OptionalLong.empty(), OptionalLong.of(1), 1)));
        assertTrue(Double.isNaN(ServerCpu.millisPerOperation(OptionalLong.of(1), OptionalLong.of(2), 0)));
    }

    @Test
    void thisProcessUsesCpuAsItWorks() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        long self = ProcessHandle.current().pid();
        long before = ServerCpu.ticksOfTree(self).orElseThrow();
        long spin = System.nanoTime() + 300_000_000L;
        long sink = 0;
        while (System.nanoTime() < spin) {
            sink += Long.numberOfTrailingZeros(System.nanoTime());
        }
        long after = ServerCpu.ticksOfTree(self).orElseThrow();
        // 300 ms of spinning is 30 ticks; allow for a busy machine taking the core away
        assertTrue(after - before >= 5, "ticks " + before + " -> " + after + " (" + sink + ")");
    }

    @Test
    void aProcessThatIsNotThereHasNoReading() {
        assertTrue(ServerCpu.ticksOfTree(Long.MAX_VALUE).isEmpty());
    }
}
