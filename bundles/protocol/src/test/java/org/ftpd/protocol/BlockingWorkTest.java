package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.ftpd.api.Account;
import org.ftpd.api.Authorizer;
import org.ftpd.api.FtpFile;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TempDirFileSystem;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A filesystem call that blocks must not hold up other sessions on the same event loop. */
class BlockingWorkTest {

    @TempDir
    Path tmp;

    @Test
    void aBlockedFilesystemCallLeavesOtherSessionsResponsive() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Files.createDirectories(tmp.resolve("alice/slow"));
        // one event loop thread: every session shares it, so a blocking call on it would stall them all
        TestServer server = new TestServer(tmp, b -> b.eventLoopThreads(1).fileSystemFactory("test",
                (Account a) -> new TempDirFileSystem(tmp.resolve(a.home().getPath().substring(1))) {
                    @Override
                    public FtpFile stat(String path) throws IOException {
                        if (path.equals("/slow")) {
                            entered.countDown();
                            try {
                                release.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return super.stat(path);
                    }
                }), s -> s);
        try (RawClient blocked = new RawClient(TestServer.HOST, server.port());
                RawClient other = new RawClient(TestServer.HOST, server.port())) {
            blocked.reply();
            blocked.login("alice", "secret");
            blocked.send("CWD slow");
            entered.await(5, TimeUnit.SECONDS);

            other.reply();
            other.login("bob", "pw");
            assertEquals(257, other.command("PWD"));
            assertEquals(200, other.command("NOOP"));

            release.countDown();
            assertEquals(250, blocked.code(blocked.reply()));
        } finally {
            release.countDown();
            server.close();
        }
    }

    @Test
    void theViewOfAnEndedSessionIsClosedOffTheLoop() throws Exception {
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        String[] closedOn = new String[1];
        TestServer server = new TestServer(tmp, b -> b.eventLoopThreads(1).fileSystemFactory("test",
                (Account a) -> new TempDirFileSystem(tmp.resolve(a.home().getPath().substring(1))) {
                    @Override
                    public void close() {
                        closedOn[0] = Thread.currentThread().getName();
                        closing.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        closed.countDown();
                    }
                }), s -> s);
        try (RawClient leaving = new RawClient(TestServer.HOST, server.port());
                RawClient other = new RawClient(TestServer.HOST, server.port())) {
            leaving.reply();
            leaving.login("alice", "secret");
            assertEquals(221, leaving.command("QUIT"));
            assertTrue(closing.await(5, TimeUnit.SECONDS), "the view is closed when the session ends");
            // the close blocks, on a thread that is not the only event loop
            other.reply();
            other.login("bob", "pw");
            assertEquals(257, other.command("PWD"));
            release.countDown();
            assertTrue(closed.await(5, TimeUnit.SECONDS));
            assertTrue(closedOn[0].startsWith("ftpd-blocking"), closedOn[0]);
        } finally {
            release.countDown();
            server.close();
        }
    }

    @Test
    void aSlowAuthorizerDoesNotStallTheLoopEither() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        Authorizer slowAuthorizer = credentials -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Account.builder(credentials.userName(), URI.create("test:/alice")).build();
        };
        TestServer server = new TestServer(tmp, b -> b.eventLoopThreads(1).authorizers(() -> List.of(slowAuthorizer)), s -> s);
        try (RawClient slow = new RawClient(TestServer.HOST, server.port());
                RawClient other = new RawClient(TestServer.HOST, server.port())) {
            slow.reply();
            assertEquals(331, slow.command("USER x"));
            slow.send("PASS y");
            entered.await(5, TimeUnit.SECONDS);
            other.reply();
            assertEquals(215, other.command("SYST"));
            release.countDown();
            assertEquals(230, slow.code(slow.reply()));
        } finally {
            release.countDown();
            server.close();
        }
    }
}
