package org.ftpd.protocol.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.api.Account;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.protocol.SettingsProblem;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TempDirFileSystem;
import org.ftpd.protocol.support.TestAuthorizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component driven the way SCR drives it, without a framework. */
class FtpServerComponentTest {

    @TempDir
    Path tmp;
    final FtpServerComponent component = new FtpServerComponent();
    final TestAuthorizer authorizer = new TestAuthorizer();
    final Map<String, Object> authorizerProperties = Map.of("service.id", 7L, "ftpd.authorizer", "test");

    @BeforeEach
    void bindServices() throws IOException {
        Files.createDirectories(tmp.resolve("carol"));
        authorizer.user("carol", "pw", URI.create("file:/carol"), "elradfmw");
        FileSystemFactory factory = (Account a) -> new TempDirFileSystem(tmp.resolve(a.home().getPath().substring(1)));
        component.bindFileSystemFactory(factory, Map.of("service.id", 3L, "ftpd.fs.scheme", "file"));
        component.bindAuthorizer(authorizer, authorizerProperties);
    }

    @AfterEach
    void deactivate() {
        component.deactivate();
    }

    private static Map<String, Object> config(String... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("component.name", "org.ftpd");
        m.put("service.pid", "org.ftpd");
        m.put("host", "127.0.0.1");
        m.put("port", "0");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private int port() {
        return component.server().localPort();
    }

    @Test
    void activatesListeningAndServesLogins() throws IOException {
        component.activate(config());
        assertTrue(component.server().isRunning());
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", port());
        try {
            assertTrue(client.login("carol", "pw"));
            assertEquals(257, client.mkd("made-by-component"));
            assertTrue(Files.isDirectory(tmp.resolve("carol/made-by-component")));
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aBadPortIsReportedAndTheLastGoodConfigurationStays() throws IOException {
        component.activate(config("banner", "First."));
        int port = port();
        component.modified(config("port", "abc", "banner", "Second."));
        List<SettingsProblem> problems = component.lastProblems();
        assertEquals(1, problems.size());
        assertEquals("port", problems.get(0).key());
        assertEquals("abc", problems.get(0).value());
        assertEquals("not a whole number", problems.get(0).reason());
        // still listening where it was, and the good key of the same update applied
        assertEquals(port, port());
        try (RawClient c = new RawClient("127.0.0.1", port)) {
            assertEquals("220 Second.", c.reply());
        }
    }

    @Test
    void atFirstStartABadValueTakesTheDefault() {
        component.activate(config("max.connections", "lots"));
        assertEquals(256, component.server().settings().maxConnections());
        assertEquals("max.connections", component.lastProblems().get(0).key());
    }

    @Test
    void modifiedMovesThePortWithoutDroppingSessions() throws IOException {
        component.activate(config());
        int oldPort = port();
        try (RawClient open = new RawClient("127.0.0.1", oldPort)) {
            open.reply();
            open.login("carol", "pw");
            int newPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                newPort = s.getLocalPort();
            }
            component.modified(config("port", Integer.toString(newPort)));
            assertEquals(newPort, port());
            assertEquals(257, open.command("PWD"));
            try (RawClient fresh = new RawClient("127.0.0.1", newPort)) {
                assertEquals(220, fresh.code(fresh.reply()));
            }
        }
    }

    @Test
    void withoutAuthorizersLoginIsRefusedCleanlyAndWorksAgainWhenOneReturns() throws IOException {
        component.activate(config());
        component.unbindAuthorizer(authorizer, authorizerProperties);
        try (RawClient c = new RawClient("127.0.0.1", port())) {
            c.reply();
            assertEquals(331, c.command("USER carol"));
            c.send("PASS pw");
            String reply = c.reply();
            assertEquals(530, c.code(reply));
            assertTrue(reply.contains("no authorizer"), reply);
            component.bindAuthorizer(authorizer, authorizerProperties);
            assertEquals(331, c.command("USER carol"));
            assertEquals(230, c.command("PASS pw"));
        }
    }

    @Test
    void authorizersAreAskedInRankingOrder() throws IOException {
        TestAuthorizer preferred = new TestAuthorizer().user("carol", "other", URI.create("file:/carol"), "elr");
        component.bindAuthorizer(preferred, Map.of("service.id", 9L, "service.ranking", 10, "ftpd.authorizer", "x"));
        component.activate(config());
        try (RawClient c = new RawClient("127.0.0.1", port())) {
            c.reply();
            // the higher-ranked authorizer knows carol and refuses her old password; that answer is final
            assertEquals(331, c.command("USER carol"));
            assertEquals(530, c.command("PASS pw"));
            assertEquals(331, c.command("USER carol"));
            assertEquals(230, c.command("PASS other"));
        }
    }

    @Test
    void aFactoryIsPickedByTheHomesScheme() {
        assertTrue(FtpServerComponent.hasScheme(Map.of("ftpd.fs.scheme", "file"), "file"));
        assertTrue(FtpServerComponent.hasScheme(Map.of("ftpd.fs.scheme", new String[] {"memory", "file"}), "file"));
        assertFalse(FtpServerComponent.hasScheme(Map.of("ftpd.fs.scheme", "memory"), "file"));
        assertFalse(FtpServerComponent.hasScheme(Map.of(), "file"));
    }

    @Test
    void deactivateStops() {
        component.activate(config());
        int port = port();
        component.deactivate();
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> new java.net.Socket("127.0.0.1", port));
    }
}
