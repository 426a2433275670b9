package org.ftpd.protocol.internal.data;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ftpd.protocol.PortRange;
import org.ftpd.protocol.internal.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PASV/EPSV: listens for one data connection, on the control connection's event loop. Connections from any
 * other host than the control connection's are closed and the listener keeps waiting (no passive port theft),
 * until the accept timeout.
 */
public final class PassiveDataListener implements DataChannelSource {

    private static final Logger LOG = LoggerFactory.getLogger(PassiveDataListener.class);

    private final EventLoop loop;
    private final InetAddress allowedPeer;
    private final boolean permitForeign;
    private final CompletableFuture<Channel> accepted = new CompletableFuture<>();
    private Channel server;
    private ScheduledFuture<?> timeout;
    private boolean handedOut;

    private PassiveDataListener(EventLoop loop, InetAddress allowedPeer, boolean permitForeign) {
        this.loop = loop;
        this.allowedPeer = allowedPeer;
        this.permitForeign = permitForeign;
    }

    /**
     * Binds a listener on {@code bindAddress}, on a port of {@code ports} (any free port when null).
     *
     * @return completes on {@code loop} with the listener, or with a {@link DataConnectionException}
     */
    public static CompletableFuture<PassiveDataListener> bind(Transport transport, EventLoop loop,
            InetAddress bindAddress, PortRange ports, InetAddress allowedPeer, boolean permitForeign,
            Duration acceptTimeout) {
        PassiveDataListener listener = new PassiveDataListener(loop, allowedPeer, permitForeign);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 8)
                // (Netty's default for epoll, stated because PassivePorts relies on it) a port whose earlier data
                // connections are still in TIME_WAIT can listen again
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, DataSockets.NO_DELAY)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        listener.offered(ch);
                    }
                });
        CompletableFuture<PassiveDataListener> bound = new CompletableFuture<>();
        tryBind(bootstrap, bindAddress, PassivePorts.of(ports), 0, bound, listener, acceptTimeout);
        return bound;
    }

    private static void tryBind(ServerBootstrap bootstrap, InetAddress address, PassivePorts ports, int attempt,
            CompletableFuture<PassiveDataListener> bound, PassiveDataListener listener, Duration acceptTimeout) {
        ChannelFuture f = bootstrap.bind(new InetSocketAddress(address, ports.port(attempt)));
        f.addListener(done -> {
            if (done.isSuccess()) {
                listener.listening(f.channel(), acceptTimeout);
                bound.complete(listener);
            } else if (attempt + 1 < ports.tries()) {
                tryBind(bootstrap, address, ports, attempt + 1, bound, listener, acceptTimeout);
            } else {
                bound.completeExceptionally(new DataConnectionException("no free passive port"
                        + (ports.configured() == null ? "" : " in " + ports.configured()), done.cause()));
            }
        });
    }

    private void listening(Channel channel, Duration acceptTimeout) {
        server = channel;
        timeout = loop.schedule(() -> {
            if (accepted.completeExceptionally(new DataConnectionException("no data connection within "
                    + acceptTimeout.toSeconds() + "s"))) {
                server.close();
            }
        }, acceptTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The port clients connect to. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private void offered(Channel ch) {
        InetAddress peer = ((InetSocketAddress) ch.remoteAddress()).getAddress();
        if (!permitForeign && !Addresses.sameHost(peer, allowedPeer)) {
            LOG.warn("refused a passive data connection from {} (the control connection is from {})",
                    peer.getHostAddress(), allowedPeer.getHostAddress());
            ch.close();
            return;
        }
        if (!accepted.complete(ch)) {
            ch.close();
            return;
        }
        timeout.cancel(false);
        server.close();
    }

    @Override
    public CompletableFuture<Channel> connect() {
        handedOut = true;
        return accepted;
    }

    @Override
    public void close() {
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (server != null) {
            server.close();
        }
        // after every transfer the future is done already: no exception (and stack trace) made for nothing
        boolean cancelledNow = !accepted.isDone()
                && accepted.completeExceptionally(new DataConnectionException("passive listener closed"));
        if (!cancelledNow && !handedOut) {
            accepted.thenAccept(Channel::close);
        }
    }
}
