package org.ftpd.protocol.internal.throttle;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Holds one data connection to its byte rates: the session's own limit (the stricter of {@code read.limit} /
 * {@code write.limit} and the user's) and the server-wide budget. Limits are read at every step, so a change
 * applies to a running transfer within {@link #RECHECK_NANOS}.
 *
 * <p>Sending: every buffer written is counted; past the allowance the channel turns unwritable (a user-defined
 * writability bit) until the debt is paid, and the chunk senders wait for writability, so nothing queues up.
 * Zero-copy file regions are not counted: downloads take the chunked path whenever a write limit is in force
 * ({@link #limitsWrites}), because a region is one message of the whole file and could not be paced.
 *
 * <p>Receiving: uploads read with auto-read off, one {@code read()} per batch; past the allowance the next
 * {@code read()} is held back until the debt is paid, so the client is slowed by TCP flow control and the server
 * never buffers more than a batch. A limited upload reads in small batches so that the pace is smooth.
 */
public final class DataThrottle extends ChannelDuplexHandler {

    public static final String NAME = "throttle";
    /** The longest sleep before the limits are looked at again (so a new limit applies quickly). */
    static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** Our bit among the channel's user-defined writability flags (Netty's own shapers use 1 to 3). */
    private static final int WRITABILITY_BIT = 7;

    private final LongSupplier readLimit;
    private final LongSupplier writeLimit;
    private final ServerThrottle server;
    private final RateBucket reads = new RateBucket();
    private final RateBucket writes = new RateBucket();
    private ChannelHandlerContext ctx;
    private boolean readsPaused;
    private boolean readWanted;
    private boolean readsSized;
    private boolean writesPaused;

    /**
     * @param readLimit the session's receiving limit in bytes per second, 0 for none (asked at every step)
     * @param writeLimit the session's sending limit, likewise
     */
    public DataThrottle(LongSupplier readLimit, LongSupplier writeLimit, ServerThrottle server) {
        this.readLimit = readLimit;
        this.writeLimit = writeLimit;
        this.server = server;
    }

    /** Whether what {@code data} sends is paced now (then downloads must not go zero-copy). */
    public static boolean limitsWrites(Channel data) {
        DataThrottle throttle = data.pipeline().get(DataThrottle.class);
        return throttle != null && (throttle.writeLimit.getAsLong() > 0 || throttle.server.writeLimit() > 0);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
    }

    // ---- sending

    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        int size = msg instanceof ByteBuf buf ? buf.readableBytes() : 0;
        context.write(msg, promise);
        if (size > 0) {
            sent(size);
        }
    }

    private void sent(int bytes) {
        long own = writeLimit.getAsLong();
        long total = server.writeLimit();
        if (own <= 0 && total <= 0) {
            return;
        }
        long now = System.nanoTime();
        long wait = Math.max(writes.take(bytes, own, now), total > 0 ? server.writes().take(bytes, total, now) : 0);
        if (wait > 0 && !writesPaused) {
            writesPaused = true;
            writable(false);
            later(this::resumeWrites, wait);
        }
    }

    private void resumeWrites() {
        if (!ctx.channel().isActive()) {
            return;
        }
        long wait = writeWait();
        if (wait > 0) {
            later(this::resumeWrites, wait);
            return;
        }
        writesPaused = false;
        writable(true);
    }

    private long writeWait() {
        long now = System.nanoTime();
        long total = server.writeLimit();
        return Math.max(writes.waitNanos(writeLimit.getAsLong(), now),
                total > 0 ? server.writes().waitNanos(total, now) : 0);
    }

    private void writable(boolean value) {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        if (buffer != null) {
            buffer.setUserDefinedWritability(WRITABILITY_BIT, value);
        }
    }

    // ---- receiving

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof ByteBuf buf && buf.readableBytes() > 0) {
            received(buf.readableBytes());
        }
        context.fireChannelRead(msg);
    }

    private void received(int bytes) {
        long own = readLimit.getAsLong();
        long total = server.readLimit();
        if (own <= 0 && total <= 0) {
            return;
        }
        long now = System.nanoTime();
        long wait = Math.max(reads.take(bytes, own, now), total > 0 ? server.reads().take(bytes, total, now) : 0);
        if (wait > 0 && !readsPaused) {
            readsPaused = true;
            later(this::resumeReads, wait);
        }
    }

    @Override
    public void read(ChannelHandlerContext context) {
        if (readsPaused) {
            readWanted = true;
            return;
        }
        sizeReads();
        context.read();
    }

    private void resumeReads() {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        long total = server.readLimit();
        long wait = Math.max(reads.waitNanos(readLimit.getAsLong(), now),
                total > 0 ? server.reads().waitNanos(total, now) : 0);
        if (wait > 0) {
            later(this::resumeReads, wait);
            return;
        }
        readsPaused = false;
        if (readWanted) {
            readWanted = false;
            ctx.read();
        }
    }

    /**
     * Before the first read: when a limit is in force, batches of about a sixteenth of a second's worth (4 KiB
     * to 128 KiB) instead of the large ones uploads use. Netty takes the allocator once per channel, so this is
     * decided for the whole transfer.
     */
    private void sizeReads() {
        if (readsSized) {
            return;
        }
        readsSized = true;
        long own = readLimit.getAsLong();
        long total = server.readLimit();
        long rate = ByteRates.stricter(own, total);
        if (rate > 0) {
            int max = (int) Math.max(4 << 10, Math.min(128 << 10, rate / 16));
            ctx.channel().config().setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(512, Math.min(max, 16 << 10),
                    max));
        }
    }

    private void later(Runnable task, long waitNanos) {
        ctx.executor().schedule(task, Math.min(waitNanos, RECHECK_NANOS), TimeUnit.NANOSECONDS);
    }
}
