package org.ftpd.protocol.internal.throttle;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a control connection to {@code max.commands.per.second} by backpressure, never by disconnecting: each
 * command takes a token from a bucket of one second's worth; when it is empty, the commands already read wait
 * here (at most one read's worth) and the connection stops reading until they have been let through at the
 * configured pace, so a flood fills the client's socket and TCP slows it down, while a legitimate client that
 * pipelines a burst is only delayed. Sits after the request decoder, so it counts commands, not bytes; the
 * limit is read at every command, 0 turns it off.
 */
public final class CommandRateLimiter extends ChannelDuplexHandler {

    public static final String NAME = "command-rate";
    private static final Logger LOG = LoggerFactory.getLogger(CommandRateLimiter.class);
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final IntSupplier perSecond;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private double tokens;
    private long last;
    private boolean started;
    private boolean paused;
    private boolean readWanted;
    private boolean warned;
    private ChannelHandlerContext ctx;

    public CommandRateLimiter(IntSupplier perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (paused) {
            held.add(msg);
            return;
        }
        if (take()) {
            context.fireChannelRead(msg);
            return;
        }
        held.add(msg);
        pause();
    }

    /** Drops the commands held back (AUTH TLS and CCC: nothing read before the switch may run after it). */
    public void discardHeld() {
        Object msg;
        while ((msg = held.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }

    private boolean take() {
        int rate = perSecond.getAsInt();
        if (rate <= 0) {
            return true;
        }
        refill(rate, System.nanoTime());
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill(int rate, long now) {
        if (!started) {
            started = true;
            tokens = rate; // a second's worth to start with
        } else {
            tokens = Math.min(rate, tokens + (now - last) * (rate / 1e9));
        }
        last = now;
    }

    private void pause() {
        paused = true;
        if (!warned) {
            warned = true;
            LOG.info("{}: more than {} commands per second, reading paused", ctx.channel().remoteAddress(),
                    perSecond.getAsInt());
        }
        // stop the reads auto-read would do; read() below holds back the ones asked for explicitly
        ctx.channel().config().setAutoRead(false);
        schedule();
    }

    private void schedule() {
        int rate = Math.max(1, perSecond.getAsInt());
        long wait = (long) Math.ceil((1 - tokens) * 1e9 / rate);
        ctx.executor().schedule(this::resume, Math.max(1, Math.min(wait, RECHECK_NANOS)), TimeUnit.NANOSECONDS);
    }

    private void resume() {
        if (!ctx.channel().isActive()) {
            discardHeld();
            return;
        }
        while (!held.isEmpty() && take()) {
            ctx.fireChannelRead(held.poll());
        }
        if (!held.isEmpty()) {
            schedule();
            return;
        }
        paused = false;
        ctx.channel().config().setAutoRead(true);
        if (readWanted) {
            readWanted = false;
            ctx.read();
        }
    }

    @Override
    public void read(ChannelHandlerContext context) {
        if (paused) {
            readWanted = true;
            return;
        }
        context.read();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        discardHeld();
        context.fireChannelInactive();
    }
}
