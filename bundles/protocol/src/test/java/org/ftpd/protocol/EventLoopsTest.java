package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How many network threads a server runs. */
class EventLoopsTest {

    private static final String PROPERTY = "io.netty.eventLoopThreads";

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void onePerProcessorByDefault() {
        System.clearProperty(PROPERTY);
        assertEquals(2, FtpServer.eventLoops(0, 2));
        assertEquals(16, FtpServer.eventLoops(0, 16));
        assertEquals(1, FtpServer.eventLoops(0, 0));
    }

    @Test
    void nettysPropertyWhenSet() {
        System.setProperty(PROPERTY, "3");
        assertEquals(3, FtpServer.eventLoops(0, 2));
    }

    @Test
    void theBuildersNumberWins() {
        System.setProperty(PROPERTY, "3");
        assertEquals(5, FtpServer.eventLoops(5, 2));
    }
}
