package org.ftpd.protocol.internal.data;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * Holds back what the TLS handler writes on a protected data connection after a TLS 1.3 handshake (the
 * session tickets the JDK sends right after it) until the transfer sends data, or until the connection
 * closes. An uploading client never reads its data connection: tickets left unread in its socket make its
 * close a reset, and a reset makes the server lose the end of the upload (curl does exactly this). Placed
 * between the TLS handler and the socket.
 */
public final class TlsTicketHold extends ChannelOutboundHandlerAdapter {

    private final SslHandler tls;
    private ChannelHandlerContext ctx;
    private PendingWriteQueue held;
    private boolean holding = true;

    public TlsTicketHold(SslHandler tls) {
        this.tls = tls;
    }

    /** Lets the held writes go (a transfer that sends data starts). */
    public static void release(Channel data) {
        TlsTicketHold hold = data.pipeline().get(TlsTicketHold.class);
        if (hold != null && hold.ctx != null) {
            hold.release();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        held = new PendingWriteQueue(context);
    }

    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        if (holding && afterTls13Handshake()) {
            held.add(msg, promise);
        } else {
            context.write(msg, promise);
        }
    }

    @Override
    public void flush(ChannelHandlerContext context) {
        if (holding && tls.engine().isOutboundDone()) {
            // the close_notify is written: everything goes, in order
            release();
        } else {
            context.flush();
        }
    }

    @Override
    public void close(ChannelHandlerContext context, ChannelPromise promise) {
        release();
        context.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        if (!held.isEmpty()) {
            held.removeAndWriteAll();
            context.flush();
        }
    }

    private void release() {
        holding = false;
        if (!held.isEmpty()) {
            held.removeAndWriteAll();
        }
        ctx.flush();
    }

    /** Whether the handshake is over and was TLS 1.3 (a TLS 1.2 server's last flight must not wait). */
    private boolean afterTls13Handshake() {
        SSLEngine engine = tls.engine();
        return engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                && "TLSv1.3".equals(engine.getSession().getProtocol());
    }
}
