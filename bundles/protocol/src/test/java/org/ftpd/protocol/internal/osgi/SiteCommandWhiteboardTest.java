package org.ftpd.protocol.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.api.Account;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.SiteCommand;
import org.ftpd.protocol.support.TempDirFileSystem;
import org.ftpd.protocol.support.TestAuthorizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SITE extensions as services: names, rankings, built-ins, and the component answering with them. */
class SiteCommandWhiteboardTest {

    final SiteCommandWhiteboard whiteboard = new SiteCommandWhiteboard();

    static SiteCommand replying(String text) {
        return (session, argument) -> SiteCommand.Reply.of(200, text + " " + argument);
    }

    static Map<String, Object> props(long id, int ranking, Object names) {
        return Map.of("service.id", id, "service.ranking", ranking, SiteCommand.NAME_PROPERTY, names);
    }

    @Test
    void namesAreUpperCasedAndMayBeSeveral() {
        assertEquals(List.of("WHO"), SiteCommandWhiteboard.names(" who "));
        assertEquals(List.of("A", "B"), SiteCommandWhiteboard.names(new String[] {"a", "B", "A"}));
        assertEquals(List.of("X"), SiteCommandWhiteboard.names(List.of("x", "", "two words")));
        assertEquals(List.of(), SiteCommandWhiteboard.names(null));
    }

    @Test
    void theBestRankedServiceWinsANameAndTheOtherTakesOverWhenItGoes() {
        SiteCommand low = replying("low");
        SiteCommand high = replying("high");
        whiteboard.add(low, props(1L, 0, "who"));
        whiteboard.add(high, props(2L, 10, "WHO"));
        assertSame(high, whiteboard.byName().get("WHO"));
        whiteboard.remove(high);
        assertSame(low, whiteboard.byName().get("WHO"));
        whiteboard.remove(low);
        assertTrue(whiteboard.byName().isEmpty());
    }

    @Test
    void builtInNamesAreNeverTaken() {
        SiteCommand impostor = replying("impostor");
        whiteboard.add(impostor, props(1L, 100, new String[] {"chmod", "help", "mine"}));
        assertNull(whiteboard.byName().get("CHMOD"));
        assertNull(whiteboard.byName().get("HELP"));
        assertSame(impostor, whiteboard.byName().get("MINE"));
    }

    @Test
    void anUpdatedServiceIsFoundUnderItsNewName() {
        SiteCommand command = replying("x");
        whiteboard.add(command, props(1L, 0, "old"));
        whiteboard.add(command, props(1L, 0, "new"));
        assertFalse(whiteboard.byName().containsKey("OLD"));
        assertSame(command, whiteboard.byName().get("NEW"));
    }

    @Test
    void theComponentAnswersWithAServiceBoundWhileItRuns(@TempDir Path tmp) throws IOException {
        FtpServerComponent component = new FtpServerComponent();
        TestAuthorizer authorizer = new TestAuthorizer();
        Files.createDirectories(tmp.resolve("carol"));
        authorizer.user("carol", "pw", URI.create("file:/carol"), "elr");
        FileSystemFactory factory = (Account a) -> new TempDirFileSystem(tmp.resolve("carol"));
        component.bindFileSystemFactory(factory, Map.of("service.id", 3L, "ftpd.fs.scheme", "file"));
        component.bindAuthorizer(authorizer, Map.of("service.id", 7L, "ftpd.authorizer", "test"));
        component.activate(Map.of("host", "127.0.0.1", "port", "0"));
        FTPClient client = new FTPClient();
        try {
            client.connect("127.0.0.1", component.server().localPort());
            assertTrue(client.login("carol", "pw"));
            assertEquals(500, client.sendCommand("SITE", "HELLO world"));
            SiteCommand hello = (session, argument) -> SiteCommand.Reply.of(200,
                    "hello " + session.userName() + ", " + argument);
            component.bindSiteCommand(hello, props(9L, 0, "hello"));
            assertEquals(200, client.sendCommand("SITE", "HELLO world"));
            assertEquals("200 hello carol, world", client.getReplyString().strip());
            assertEquals(214, client.sendCommand("SITE", "HELP"));
            assertTrue(client.getReplyString().contains("SITE HELLO"), client.getReplyString());
            component.unbindSiteCommand(hello);
            assertEquals(500, client.sendCommand("SITE", "HELLO world"));
        } finally {
            client.disconnect();
            component.deactivate();
        }
    }
}
