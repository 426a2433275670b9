package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.ssl.SslHandler;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.command.CommandContext;
import org.ftpd.protocol.internal.throttle.DataThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RETR: sends a file. Zero-copy ({@link DefaultFileRegion}) when the file is a {@link FileChannel}, the type is
 * binary and the data channel has no TLS; otherwise chunks read off the loop and written while the channel is
 * writable, so a slow client holds at most a chunk or two in memory.
 */
public final class FileSender extends ChunkedSender {

    static final int CHUNK = 64 * 1024;
    /** Bytes per zero-copy region: a few milliseconds on a fast link, so a new write limit applies soon. */
    static final long SLICE = 4L << 20;
    private static final String PLATFORM_FILE_CHANNEL = "sun.nio.ch.FileChannelImpl";
    private static final Logger LOG = LoggerFactory.getLogger(FileSender.class);
    private static final FtpReply READ_ERROR = FtpReply.of(451, "Requested action aborted: error reading the file.");

    private final SeekableByteChannel file;
    private final AsciiConversion.ToNetwork ascii;
    private DefaultFileRegion sending;

    /**
     * @param ascii whether line ends are converted (TYPE A)
     */
    public FileSender(CommandContext ctx, Channel data, String path, SeekableByteChannel file, boolean ascii) {
        super(ctx, data, path, Kind.DOWNLOAD, file, "read", READ_ERROR);
        this.file = file;
        this.ascii = ascii ? new AsciiConversion.ToNetwork() : null;
    }

    /** Whether this transfer goes without copying through user space. */
    public boolean zeroCopy() {
        return ascii == null && isPlatformFileChannel(file) && data.pipeline().get(SslHandler.class) == null
                && !DataThrottle.limitsWrites(data);
    }

    /**
     * Whether the channel is the JDK's own file channel. Only that one has the file descriptor that native
     * sendfile (epoll) needs; other providers' FileChannels (Jimfs, zipfs) are sent in chunks.
     */
    static boolean isPlatformFileChannel(SeekableByteChannel channel) {
        return channel instanceof FileChannel && PLATFORM_FILE_CHANNEL.equals(channel.getClass().getName());
    }

    /** Progress so far; for a zero-copy send, the slices sent plus what the transport has written of this one. */
    @Override
    public long bytes() {
        DefaultFileRegion region = sending;
        return region != null && !done() ? bytes + region.transferred() : bytes;
    }

    @Override
    protected void begin() {
        if (zeroCopy()) {
            sendRegion((FileChannel) file);
        } else {
            sendChunks();
        }
    }

    private void sendRegion(FileChannel channel) {
        io(() -> new long[] {channel.position(), channel.size()}).whenComplete((span, error) -> {
            if (done()) {
                return;
            }
            if (error != null) {
                LOG.warn("{}: cannot read {}", ctx.session(), path(), error);
                finish(false, READ_ERROR);
                return;
            }
            sendSlice(channel, span[0], span[1]);
        });
    }

    /**
     * Zero-copy in slices of {@link #SLICE}: between two, a write limit set while the download runs is noticed,
     * and the rest goes in paced chunks.
     */
    private void sendSlice(FileChannel channel, long position, long end) {
        sending = null;
        if (done()) {
            return;
        }
        if (position >= end) {
            finish(true, COMPLETE);
            return;
        }
        if (DataThrottle.limitsWrites(data)) {
            io(() -> channel.position(position)).whenComplete((c, error) -> {
                if (done()) {
                    return;
                }
                if (error != null) {
                    finish(false, READ_ERROR);
                    return;
                }
                sendChunks();
            });
            return;
        }
        long count = Math.min(SLICE, end - position);
        DefaultFileRegion region = new DefaultFileRegion(channel, position, count);
        // a region closes its file when released; kept retained, the file stays open for the next slice (the
        // transfer closes it at the end)
        region.retain();
        sending = region;
        data.writeAndFlush(region).addListener(f -> {
            if (!f.isSuccess()) {
                bytes += region.transferred();
                sending = null;
                finish(false, BROKEN);
                return;
            }
            bytes += count;
            sendSlice(channel, position + count, end);
        });
    }

    /** Reads the next chunk (off the loop); null at the end of the file. */
    @Override
    protected ByteBuf nextChunk() throws java.io.IOException {
        ByteBuf raw = ascii == null ? data.alloc().ioBuffer(CHUNK, CHUNK) : data.alloc().heapBuffer(CHUNK, CHUNK);
        try {
            ByteBuffer target = raw.nioBuffer(0, CHUNK);
            int total = 0;
            while (target.hasRemaining()) {
                int n = file.read(target);
                if (n <= 0) {
                    break;
                }
                total += n;
            }
            if (total == 0) {
                raw.release();
                return null;
            }
            raw.writerIndex(total);
            if (ascii == null) {
                return raw;
            }
            ByteBuf converted = ascii.convert(raw, data.alloc());
            raw.release();
            return converted;
        } catch (java.io.IOException | RuntimeException e) {
            if (raw.refCnt() > 0) {
                raw.release();
            }
            throw e;
        }
    }
}
