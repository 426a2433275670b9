package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Permissions;
import org.ftpd.api.UnknownUserException;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed-login delay, per-connection attempts, per-address bans and per-user session limits. */
class BruteForceTest {

    @TempDir
    Path tmp;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(UnaryOperator<ServerSettings.Builder> settings) throws IOException {
        server = new TestServer(tmp, b -> b.authorizer(credentials -> {
            // carol: at most two sessions at once
            if (!credentials.userName().equals("carol")) {
                throw new UnknownUserException(credentials.userName());
            }
            if (!credentials.password().equals("pw")) {
                throw new AuthenticationException("wrong password");
            }
            return Account.builder("carol", URI.create("test:/alice")).permissions(Permissions.parse("elr"))
                    .maxSessions(2).build();
        }), settings);
    }

    /** Sends USER and PASS on a raw connection and returns PASS's reply code. */
    private static int failOnce(RawClient c, String user) throws IOException {
        c.send("USER " + user);
        assertEquals(331, c.code(c.reply()));
        c.send("PASS wrong");
        return c.code(c.reply());
    }

    private RawClient greeted() throws IOException {
        RawClient c = new RawClient(TestServer.HOST, server.port());
        assertEquals(220, c.code(c.reply()));
        return c;
    }

    @Test
    void anAddressIsBannedAfterTooManyFailuresAcrossConnections() throws IOException {
        start(s -> s.maxLoginAttempts(2).banMaxFailures(3));
        try (RawClient waiting = greeted()) {
            try (RawClient first = greeted()) {
                assertEquals(530, failOnce(first, "alice"));
                assertEquals(421, failOnce(first, "nobody"), "max.login.attempts closes the connection");
                assertTrue(first.closedByServer());
            }
            try (RawClient second = greeted()) {
                assertEquals(421, failOnce(second, "alice"), "the third failure bans and closes");
                assertTrue(second.closedByServer());
            }
            try (RawClient banned = new RawClient(TestServer.HOST, server.port())) {
                String reply = banned.reply();
                assertEquals(421, banned.code(reply));
                assertTrue(reply.contains("failed logins"), reply);
                assertTrue(banned.closedByServer());
            }
            // a connection opened before the ban gets no more guesses, not even with the right password
            waiting.send("USER alice");
            assertEquals(331, waiting.code(waiting.reply()));
            waiting.send("PASS secret");
            assertEquals(421, waiting.code(waiting.reply()));
        }
    }

    @Test
    void aBanExpires() throws IOException {
        start(s -> s.banMaxFailures(1).banDuration(Duration.ofMillis(500)));
        try (RawClient c = greeted()) {
            assertEquals(421, failOnce(c, "alice"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int code = 0;
        while (code != 220 && System.nanoTime() < deadline) {
            try (RawClient c = new RawClient(TestServer.HOST, server.port())) {
                code = c.code(c.reply());
            }
        }
        assertEquals(220, code, "the address is served again once the ban is over");
        FTPClient alice = server.alice();
        TestServer.quietly(alice);
    }

    @Test
    void zeroBanFailuresNeverBans() throws IOException {
        start(s -> s.banMaxFailures(0).maxLoginAttempts(5).loginFailedDelay(Duration.ZERO));
        for (int connection = 0; connection < 4; connection++) {
            try (RawClient c = greeted()) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(530, failOnce(c, "alice"));
                }
            }
        }
        TestServer.quietly(server.alice());
    }

    @Test
    void unknownUsersAndWrongPasswordsAreBothDelayed() throws IOException {
        Duration delay = Duration.ofMillis(400);
        start(s -> s.loginFailedDelay(delay).maxLoginAttempts(10));
        try (RawClient c = greeted()) {
            for (String user : new String[] {"alice", "nobody-at-all"}) {
                long start = System.nanoTime();
                assertEquals(530, failOnce(c, user));
                long took = System.nanoTime() - start;
                assertTrue(took >= delay.toNanos(), user + " answered after " + took / 1_000_000 + " ms");
            }
        }
    }

    @Test
    void maxSessionsOfAnAccountIsEnforced() throws IOException {
        start(s -> s);
        FTPClient one = server.login("carol", "pw");
        FTPClient two = server.login("carol", "pw");
        FTPClient three = server.connect();
        try {
            assertEquals(331, three.user("carol"));
            assertEquals(530, three.pass("pw"));
            assertTrue(three.getReplyString().contains("Too many sessions"), three.getReplyString());
            // other users are not limited by carol's count
            TestServer.quietly(server.alice());
            // a slot frees when a session ends
            assertEquals(221, one.sendCommand("QUIT"));
            TestServer.quietly(one);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            boolean in = false;
            while (!in && System.nanoTime() < deadline) {
                assertEquals(331, three.user("carol"));
                in = three.pass("pw") == 230;
            }
            assertTrue(in, "a third session after one ended: " + three.getReplyString());
        } finally {
            TestServer.quietly(one);
            TestServer.quietly(two);
            TestServer.quietly(three);
        }
    }
}
