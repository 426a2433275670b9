package org.ftpd.protocol.internal;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O transport: native epoll where Netty's native library loads, Java NIO otherwise.
 *
 * @param name for the log
 * @param ioHandlerFactory what {@code MultiThreadIoEventLoopGroup} runs
 * @param serverChannel listening channels
 * @param socketChannel connecting channels (active data connections)
 */
public record Transport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends ServerChannel> serverChannel,
        Class<? extends SocketChannel> socketChannel) {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    public static Transport nio() {
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
    }

    /** Keeps TCP urgent data in the stream of the control connections {@code bootstrap} accepts. */
    public void keepUrgentDataInline(io.netty.bootstrap.ServerBootstrap bootstrap) {
        if (name.equals("epoll")) {
            EpollTransport.urgentDataInline(bootstrap);
        } else {
            UrgentDataInline.nio(bootstrap);
        }
    }

    /** Epoll when it is usable here, else NIO. Survives the epoll classes being absent (optional import). */
    public static Transport best(boolean preferNative) {
        if (preferNative) {
            try {
                Transport epoll = EpollTransport.ifAvailable();
                if (epoll != null) {
                    return epoll;
                }
            } catch (LinkageError e) {
                // io.netty.channel.epoll is not wired (OSGi optional import) or not on the class path
                LOG.debug("native epoll transport classes not available: {}", e.toString());
            }
        }
        return nio();
    }
}
