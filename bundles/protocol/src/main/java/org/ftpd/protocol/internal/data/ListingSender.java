package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.command.CommandContext;

/**
 * LIST, NLST, MLSD: sends a listing as its source produces it, so a huge directory is never held whole in
 * memory and a client that stops reading stops the directory being read.
 */
public final class ListingSender extends ChunkedSender {

    private static final FtpReply READ_ERROR = FtpReply.of(451,
            "Requested action aborted: error reading the directory.");

    private final ChunkSource source;

    public ListingSender(CommandContext ctx, Channel data, String path, ChunkSource source) {
        super(ctx, data, path, Kind.LISTING, source, "list", READ_ERROR);
        this.source = source;
    }

    @Override
    protected void begin() {
        sendChunks();
    }

    @Override
    protected ByteBuf nextChunk() throws IOException {
        return source.next(data.alloc());
    }
}
