package org.ftpd.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One operation: EPSV (or PASV), STOR of {@code size} bytes to this client's own file, 226. */
final class StorClient extends SessionClient {

    private final String remoteFile;
    private final ByteBuffer payload;
    private final long size;
    private boolean stored;

    /** {@code payload} is shared by all clients: each works on its own duplicate (same bytes, own position). */
    StorClient(Target target, DataLinks links, boolean usePasv, String remoteFile, ByteBuffer payload, long size) {
        super(target, links, usePasv);
        this.remoteFile = remoteFile;
        this.payload = payload.duplicate();
        this.size = size;
    }

    @Override
    public long once() throws IOException {
        try (SocketChannel data = openData()) {
            control.command("STOR " + remoteFile).expect(125, 150);
            stored = true;
            DataLinks.send(data, payload, size);
        }
        expectTransferDone();
        return size;
    }

    /** Leaves the server's disk as it was. */
    @Override
    protected void beforeQuit(ControlConnection c) {
        if (stored) {
            stored = false;
            try {
                c.command("DELE " + remoteFile);
            } catch (IOException e) {
                // the run's figures do not depend on the clean-up
            }
        }
    }
}
