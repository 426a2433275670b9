package org.ftpd.protocol.internal.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ftpd.protocol.ServerSettings;
import org.junit.jupiter.api.Test;

/** The data channel handler on an EmbeddedChannel: what it pauses and what it lets through. */
class DataThrottleTest {

    private final AtomicLong ownRead = new AtomicLong();
    private final AtomicLong ownWrite = new AtomicLong();
    private volatile ServerSettings settings = ServerSettings.defaults();
    private final AtomicInteger readsPassed = new AtomicInteger();

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAutoRead(false);
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                readsPassed.incrementAndGet();
                ctx.read();
            }
        });
        channel.pipeline().addLast(DataThrottle.NAME,
                new DataThrottle(ownRead::get, ownWrite::get, new ServerThrottle(() -> settings)));
        return channel;
    }

    @Test
    void withoutLimitsNothingIsPausedAndZeroCopyStays() {
        EmbeddedChannel channel = channel();
        assertFalse(DataThrottle.limitsWrites(channel));
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[1 << 20]));
        assertTrue(channel.isWritable());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[1 << 20]));
        channel.read();
        assertEquals(1, readsPassed.get());
        channel.finishAndReleaseAll();
    }

    @Test
    void pastTheWriteAllowanceTheChannelTurnsUnwritableUntilPaid() {
        ownWrite.set(1 << 20);
        EmbeddedChannel channel = channel();
        assertTrue(DataThrottle.limitsWrites(channel));
        // 256 KiB at 1 MiB/s: a quarter of a second owed
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[256 << 10]));
        assertFalse(channel.isWritable());
        // the limit is lifted: at the next look the channel is writable again
        ownWrite.set(0);
        awaitScheduled(channel, channel::isWritable);
        assertTrue(channel.isWritable());
        channel.finishAndReleaseAll();
    }

    @Test
    void theServerWideWriteLimitAloneAlsoMeansChunkedDownloads() {
        settings = ServerSettings.builder().serverWriteLimit(1 << 20).build();
        EmbeddedChannel channel = channel();
        assertTrue(DataThrottle.limitsWrites(channel));
        channel.finishAndReleaseAll();
    }

    @Test
    void pastTheReadAllowanceTheNextReadIsHeldBack() {
        ownRead.set(1 << 20);
        EmbeddedChannel channel = channel();
        channel.read();
        assertEquals(1, readsPassed.get());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[256 << 10]));
        channel.read();
        assertEquals(1, readsPassed.get(), "held back while a quarter of a second is owed");
        ownRead.set(0);
        awaitScheduled(channel, () -> readsPassed.get() == 2);
        assertEquals(2, readsPassed.get(), "the held read goes once nothing is owed");
        channel.finishAndReleaseAll();
    }

    /** Runs the channel's scheduled tasks until {@code done} (the throttle looks again within 200 ms). */
    private static void awaitScheduled(EmbeddedChannel channel, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            channel.runScheduledPendingTasks();
            Thread.onSpinWait();
        }
    }
}
