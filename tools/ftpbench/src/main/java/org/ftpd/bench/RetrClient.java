package org.ftpd.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One operation: EPSV (or PASV), RETR of one file, read to the end and thrown away, 226. */
final class RetrClient extends SessionClient {

    private final String path;
    private final ByteBuffer buffer;

    RetrClient(Target target, DataLinks links, boolean usePasv, String path, int bufferSize) {
        super(target, links, usePasv);
        this.path = path;
        this.buffer = ByteBuffer.allocateDirect(bufferSize);
    }

    @Override
    public long once() throws IOException {
        try (SocketChannel data = openData()) {
            control.command("RETR " + path).expect(125, 150);
            long moved = DataLinks.drain(data, buffer);
            expectTransferDone();
            return moved;
        }
    }
}
