package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.command.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LIST, NLST, MLSD: sends a listing as its source produces it, a chunk at a time read off the loop. The next
 * chunk is read only while the data channel is writable, so a client that reads slowly (or not at all) holds
 * the server to a chunk or two of memory, whatever the size of the directory.
 */
public final class ListingSender extends Transfer {

    private static final Logger LOG = LoggerFactory.getLogger(ListingSender.class);
    private static final FtpReply READ_ERROR = FtpReply.of(451,
            "Requested action aborted: error reading the directory.");

    private final ChunkSource source;
    private boolean waitingWritable;
    private ChannelFuture lastWrite;

    public ListingSender(CommandContext ctx, Channel data, String path, ChunkSource source) {
        super(ctx, data, path, Kind.LISTING, source);
        this.source = source;
    }

    @Override
    protected void begin() {
        readNext();
    }

    private void readNext() {
        io(() -> source.next(data.alloc())).whenComplete((chunk, error) -> {
            if (done()) {
                if (chunk != null) {
                    chunk.release();
                }
                return;
            }
            if (error != null) {
                LOG.warn("{}: cannot list {}: {}", ctx.session(), path(), error.toString());
                finish(false, READ_ERROR);
                return;
            }
            if (chunk == null) {
                endOfListing();
                return;
            }
            send(chunk);
        });
    }

    private void send(ByteBuf chunk) {
        bytes += chunk.readableBytes();
        lastWrite = data.writeAndFlush(chunk);
        lastWrite.addListener(f -> {
            if (!f.isSuccess()) {
                finish(false, BROKEN);
            }
        });
        if (data.isWritable()) {
            readNext();
        } else {
            waitingWritable = true;
        }
    }

    @Override
    protected void writable() {
        if (waitingWritable && data.isWritable() && !done()) {
            waitingWritable = false;
            readNext();
        }
    }

    private void endOfListing() {
        if (lastWrite == null) {
            finish(true, COMPLETE);
        } else {
            lastWrite.addListener(f -> {
                if (f.isSuccess()) {
                    finish(true, COMPLETE);
                }
            });
        }
    }
}
