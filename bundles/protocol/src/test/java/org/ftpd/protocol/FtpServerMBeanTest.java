package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.internal.jmx.FtpServerMBean;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MXBean in the platform MBeanServer: counters as attributes, sessions and closing them as operations. */
class FtpServerMBeanTest {

    @TempDir
    Path tmp;
    TestServer server;
    ObjectName name;
    final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp);
        name = new FtpServerMBean(server.server.control(), server.server::isRunning).register();
    }

    @AfterEach
    void stop() {
        FtpServerMBean.unregister(name);
        server.close();
    }

    @Test
    void attributesAreTheCounters() throws IOException, JMException {
        assertEquals(FtpServerMBean.DEFAULT_NAME, name.toString());
        FTPClient client = server.connect();
        assertFalse(client.login("bob", "nope"));
        assertTrue(client.login("alice", "secret"));
        client.setFileType(FTPClient.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        assertTrue(client.storeFile("x.bin", new ByteArrayInputStream(new byte[4321])));
        assertTrue(client.retrieveFile("x.bin", java.io.OutputStream.nullOutputStream()));
        client.logout();
        client.disconnect();
        OperationsTest.waitFor(() -> attribute("SessionsCurrent").equals(0L));

        assertEquals(true, mbeans.getAttribute(name, "Running"));
        assertArrayEquals(new String[] {"127.0.0.1:" + server.port()},
                (String[]) mbeans.getAttribute(name, "ListenAddresses"));
        assertEquals(1L, attribute("SessionsTotal"));
        assertEquals(1L, attribute("LoginsSucceeded"));
        assertEquals(1L, attribute("LoginsFailed"));
        assertEquals(4321L, attribute("BytesIn"));
        assertEquals(4321L, attribute("BytesOut"));
        assertEquals(1L, attribute("FilesReceived"));
        assertEquals(1L, attribute("FilesSent"));
        assertEquals(0L, attribute("TransfersAborted"));
        assertEquals(0L, attribute("TransfersFailed"));
        assertEquals(1L, attribute("ErrorReplies"));
        assertEquals(0L, attribute("InternalErrors"));
    }

    @Test
    void operationsListAndCloseSessions() throws IOException, JMException {
        try (RawClient alice = new RawClient(TestServer.HOST, server.port())) {
            alice.reply();
            alice.login("alice", "secret");
            CompositeData[] sessions = (CompositeData[]) mbeans.invoke(name, "listSessions", null, null);
            assertEquals(1, sessions.length);
            assertEquals("alice", sessions[0].get("user"));
            assertEquals("", sessions[0].get("transferDirection"));
            assertTrue(((String) sessions[0].get("remoteAddress")).startsWith("127.0.0.1:"));
            String id = (String) sessions[0].get("id");

            assertEquals(false, mbeans.invoke(name, "closeSession", new Object[] {"nope"},
                    new String[] {String.class.getName()}));
            assertEquals(true, mbeans.invoke(name, "closeSession", new Object[] {id},
                    new String[] {String.class.getName()}));
            assertEquals("421 Closed by the server administrator.", alice.reply());
            assertTrue(alice.closedByServer());
        }
    }

    private Object attribute(String attribute) {
        try {
            return mbeans.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new AssertionError(e);
        }
    }
}
