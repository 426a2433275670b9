package org.ftpd.protocol.internal.data;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.ftpd.protocol.internal.Transport;

/**
 * PORT/EPRT: the address the server connects to when the transfer starts, from the control connection's local
 * address (the address checks happen in the commands before this exists).
 */
public final class ActiveDataTarget implements DataChannelSource {

    private final Transport transport;
    private final EventLoop loop;
    private final InetSocketAddress target;
    private final InetAddress localAddress;
    private final Duration connectTimeout;
    private ChannelFuture connecting;
    private boolean closed;

    public ActiveDataTarget(Transport transport, EventLoop loop, InetSocketAddress target, InetAddress localAddress,
            Duration connectTimeout) {
        this.transport = transport;
        this.loop = loop;
        this.target = target;
        this.localAddress = localAddress;
        this.connectTimeout = connectTimeout;
    }

    public InetSocketAddress target() {
        return target;
    }

    @Override
    public CompletableFuture<Channel> connect() {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new DataConnectionException("data connection cancelled"));
            return result;
        }
        connecting = new Bootstrap()
                .group(loop)
                .channel(transport.socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, DataSockets.NO_DELAY)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .handler(new ChannelInboundHandlerAdapter())
                .connect(target, new InetSocketAddress(localAddress, 0));
        connecting.addListener(f -> {
            if (f.isSuccess()) {
                result.complete(connecting.channel());
            } else {
                result.completeExceptionally(new DataConnectionException("cannot connect to "
                        + Addresses.format(target), f.cause()));
            }
        });
        return result;
    }

    @Override
    public void close() {
        closed = true;
        // a connection still being set up is cancelled (ABOR); a connected one belongs to its transfer
        if (connecting != null && !connecting.isDone()) {
            connecting.channel().close();
        }
    }
}
