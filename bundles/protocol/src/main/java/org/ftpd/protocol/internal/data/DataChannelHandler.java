package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/** Passes what happens on a data channel to its {@link Transfer}. */
final class DataChannelHandler extends ChannelInboundHandlerAdapter {

    private final Transfer transfer;

    DataChannelHandler(Transfer transfer) {
        this.transfer = transfer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            transfer.received(buf);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        transfer.readComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        transfer.writable();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        transfer.dataClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        transfer.dataFailed(cause);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            transfer.stalled();
        } else if (evt instanceof SslCloseCompletionEvent) {
            // PROT P: the client's close_notify ends the data like the end of the stream (some clients wait for
            // ours before closing the connection)
            transfer.dataClosed();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }
}
