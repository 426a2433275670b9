package org.ftpd.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One operation: EPSV (or PASV), MLSD of a directory (LIST where MLSD is not offered), read to the end, 226. */
final class ListClient extends SessionClient {

    private final String directory;
    private final ByteBuffer buffer;
    private boolean useList;
    private volatile long lastEntries = -1;

    ListClient(Target target, DataLinks links, boolean usePasv, String directory, int bufferSize) {
        super(target, links, usePasv);
        this.directory = directory;
        this.buffer = ByteBuffer.allocateDirect(bufferSize);
    }

    @Override
    public long once() throws IOException {
        if (!useList) {
            try (SocketChannel data = openData()) {
                Reply r = control.command("MLSD " + directory);
                if (!r.isNotImplemented()) {
                    r.expect(125, 150);
                    return finish(data);
                }
            }
            useList = true;
        }
        try (SocketChannel data = openData()) {
            control.command("LIST " + directory).expect(125, 150);
            return finish(data);
        }
    }

    private long finish(SocketChannel data) throws IOException {
        long entries = DataLinks.countLines(data, buffer);
        expectTransferDone();
        lastEntries = entries;
        return 0;
    }

    @Override
    public String note() {
        long n = lastEntries;
        return n < 0 ? null : n + " entries/listing" + (useList ? " (LIST)" : "");
    }
}
