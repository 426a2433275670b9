package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.ftpd.protocol.support.TestServer;
import org.ftpd.protocol.support.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS provider still loading its key material (the TLS bundle on a first start, making its certificate): the
 * server accepts FTP at once, holds AUTH TLS and the implicit FTPS handshake until the material is in, and keeps
 * serving everyone else on its one network thread meanwhile.
 */
class FtpsWhileTlsLoadsTest {

    @TempDir
    Path tmp;
    TestServer server;
    final TestTls tls = new TestTls();
    final CompletableFuture<Void> material = tls.holdUntilReady();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(UnaryOperator<ServerSettings.Builder> settings) throws IOException {
        // one network thread: a held handshake that blocked it would stall the plain session below
        server = new TestServer(tmp.resolve("srv"), b -> b.tlsContextProvider(tls).eventLoopThreads(1), settings);
    }

    private static FTPSClient client(boolean implicit) {
        FTPSClient client = new FTPSClient(implicit, TestTls.clientContext());
        client.setConnectTimeout(5_000);
        client.setDefaultTimeout(20_000);
        return client;
    }

    /** Connects (explicit: AUTH TLS; implicit: the handshake) and logs in as alice, on another thread. */
    private static CompletableFuture<FTPSClient> connectAndLogIn(FTPSClient client, int port) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                client.connect(TestServer.HOST, port);
                assertTrue(client.login("alice", "secret"), client::getReplyString);
                return client;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Starts the server with an implicit FTPS port too, and connects {@code implicit} to it as in the above. */
    private CompletableFuture<FTPSClient> startImplicitAndLogIn(FTPSClient implicit) throws IOException {
        int implicitPort = FtpsTest.freePort();
        start(s -> s.tlsImplicitPort(implicitPort));
        return connectAndLogIn(implicit, implicitPort);
    }

    /** A plain session does its work while a TLS client waits: the network thread is not held. */
    private void plainSessionWorks() throws IOException {
        FTPClient plain = server.alice();
        try {
            assertTrue(plain.printWorkingDirectory().equals("/"), plain::getReplyString);
            assertTrue(plain.sendNoOp(), plain::getReplyString);
        } finally {
            TestServer.quietly(plain);
        }
    }

    @Test
    void authTlsIsAnsweredOnceTheKeyMaterialIsIn() throws Exception {
        start(s -> s);
        FTPSClient explicit = client(false);
        CompletableFuture<FTPSClient> loggedIn = connectAndLogIn(explicit, server.port());
        try {
            plainSessionWorks();
            assertThrows(TimeoutException.class, () -> loggedIn.get(1, TimeUnit.SECONDS),
                    "AUTH TLS is held while the provider loads");
            material.complete(null);
            FTPSClient client = loggedIn.get(20, TimeUnit.SECONDS);
            assertEquals(257, client.pwd(), client::getReplyString);
            assertTrue(client.getReplyString().contains("\"/\""), client::getReplyString);
        } finally {
            material.complete(null);
            TestServer.quietly(explicit);
        }
    }

    @Test
    void authTlsIsRefusedWhenTheKeyMaterialNeverComes() throws Exception {
        start(s -> s);
        material.completeExceptionally(new IllegalStateException("no key material is usable"));
        FTPClient plain = server.connect();
        try {
            assertEquals(431, plain.sendCommand("AUTH", "TLS"), plain::getReplyString);
            assertTrue(plain.login("alice", "secret"), "the session goes on in clear: " + plain.getReplyString());
        } finally {
            TestServer.quietly(plain);
        }
    }

    @Test
    void implicitFtpsHandshakesOnceTheKeyMaterialIsIn() throws Exception {
        FTPSClient implicit = client(true);
        CompletableFuture<FTPSClient> loggedIn = startImplicitAndLogIn(implicit);
        try {
            plainSessionWorks();
            assertThrows(TimeoutException.class, () -> loggedIn.get(1, TimeUnit.SECONDS),
                    "the handshake is held while the provider loads");
            material.complete(null);
            FTPSClient client = loggedIn.get(20, TimeUnit.SECONDS);
            assertTrue(client.getReplyStrings().length > 0);
            assertEquals(200, client.sendCommand("NOOP"), client::getReplyString);
        } finally {
            material.complete(null);
            TestServer.quietly(implicit);
        }
    }

    @Test
    void implicitFtpsIsClosedWhenTheKeyMaterialNeverComes() throws Exception {
        FTPSClient implicit = client(true);
        CompletableFuture<FTPSClient> loggedIn = startImplicitAndLogIn(implicit);
        try {
            material.completeExceptionally(new IllegalStateException("no key material is usable"));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> loggedIn.get(20, TimeUnit.SECONDS));
            assertTrue(failed.getCause() != null);
            plainSessionWorks();
        } finally {
            TestServer.quietly(implicit);
        }
    }
}
