package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.Closeable;
import java.io.IOException;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.command.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what a blocking source produces, a chunk at a time: each chunk is read off the loop, and the next one
 * only while the data channel is writable, so a client that reads slowly (or not at all) holds the server to a
 * chunk or two of memory whatever the size of the source.
 */
abstract class ChunkedSender extends Transfer {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkedSender.class);

    private final String action;
    private final FtpReply readError;
    private boolean waitingWritable;
    private ChannelFuture lastWrite;

    /**
     * @param action what reading the source is called in the log ("read", "list")
     * @param readError the reply when the source fails
     */
    ChunkedSender(CommandContext ctx, Channel data, String path, Kind kind, Closeable resource, String action,
            FtpReply readError) {
        super(ctx, data, path, kind, resource);
        this.action = action;
        this.readError = readError;
    }

    /** The next chunk, or null at the end. Blocks; called off the event loop, one call at a time. */
    protected abstract ByteBuf nextChunk() throws IOException;

    /** Starts (and, from its own callbacks, continues) sending chunks until the source ends. */
    protected final void sendChunks() {
        io(this::nextChunk).whenComplete((chunk, error) -> {
            if (done()) {
                if (chunk != null) {
                    chunk.release();
                }
                return;
            }
            if (error != null) {
                LOG.warn("{}: cannot {} {}: {}", ctx.session(), action, path(), error.toString());
                finish(false, readError);
                return;
            }
            if (chunk == null) {
                endOfSource();
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
            sendChunks();
        } else {
            waitingWritable = true;
        }
    }

    @Override
    protected void writable() {
        if (waitingWritable && data.isWritable() && !done()) {
            waitingWritable = false;
            sendChunks();
        }
    }

    private void endOfSource() {
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
