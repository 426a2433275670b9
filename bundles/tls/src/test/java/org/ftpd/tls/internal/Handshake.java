package org.ftpd.tls.internal;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/** Runs a TLS handshake between two engines in memory (no sockets). */
final class Handshake {

    private Handshake() {
    }

    static void run(SSLEngine client, SSLEngine server) throws SSLException {
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
        ByteBuffer clientToServer = ByteBuffer.allocate(packet * 4);
        ByteBuffer serverToClient = ByteBuffer.allocate(packet * 4);
        ByteBuffer clientApp = ByteBuffer.allocate(app);
        ByteBuffer serverApp = ByteBuffer.allocate(app);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 200; round++) {
            if (done(client) && done(server)) {
                return;
            }
            step(client, empty, clientToServer, serverToClient, clientApp);
            step(server, empty, serverToClient, clientToServer, serverApp);
        }
        throw new SSLException("handshake did not finish");
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus s = engine.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    /** Lets one engine write what it wants to send and read what the peer sent. */
    private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer app)
            throws SSLException {
        SSLEngineResult result;
        do {
            result = engine.wrap(empty, out);
            runTasks(engine);
        } while (result.bytesProduced() > 0 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP);
        in.flip();
        try {
            do {
                result = engine.unwrap(in, app);
                runTasks(engine);
            } while (in.hasRemaining() && result.getStatus() == SSLEngineResult.Status.OK
                    && result.bytesConsumed() > 0);
        } finally {
            in.compact();
        }
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
