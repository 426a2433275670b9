package org.ftpd.protocol.internal;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First in a control or data pipeline: whatever the handlers behind it log while an inbound event passes through
 * carries the session's MDC ({@link SessionMdc}, found in the channel's {@link SessionMdc#ATTRIBUTE}). On a
 * control connection the attribute appears during channelActive, when the session is made; the MDC the session
 * handler puts then is cleared here too.
 */
@Sharable
public final class SessionMdcHandler extends ChannelInboundHandlerAdapter {

    public static final SessionMdcHandler INSTANCE = new SessionMdcHandler();

    private SessionMdcHandler() {
    }

    private static boolean enter(ChannelHandlerContext ctx) {
        SessionMdc mdc = ctx.channel().attr(SessionMdc.ATTRIBUTE).get();
        return mdc != null && mdc.enter();
    }

    private static void exit(ChannelHandlerContext ctx, boolean entered) {
        if (entered) {
            SessionMdc.exit();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        boolean hadNone = ctx.channel().attr(SessionMdc.ATTRIBUTE).get() == null;
        boolean entered = enter(ctx);
        try {
            ctx.fireChannelActive();
        } finally {
            // the session handler may have made the session and entered its MDC meanwhile
            exit(ctx, entered || hadNone && ctx.channel().attr(SessionMdc.ATTRIBUTE).get() != null);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        boolean entered = enter(ctx);
        try {
            ctx.fireChannelInactive();
        } finally {
            exit(ctx, entered);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        boolean entered = enter(ctx);
        try {
            ctx.fireChannelRead(msg);
        } finally {
            exit(ctx, entered);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        boolean entered = enter(ctx);
        try {
            ctx.fireChannelReadComplete();
        } finally {
            exit(ctx, entered);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        boolean entered = enter(ctx);
        try {
            ctx.fireChannelWritabilityChanged();
        } finally {
            exit(ctx, entered);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        boolean entered = enter(ctx);
        try {
            ctx.fireUserEventTriggered(evt);
        } finally {
            exit(ctx, entered);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        boolean entered = enter(ctx);
        try {
            ctx.fireExceptionCaught(cause);
        } finally {
            exit(ctx, entered);
        }
    }
}
