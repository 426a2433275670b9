package org.ftpd.protocol.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import org.slf4j.LoggerFactory;

/** Kept apart from {@link Transport} so that only this class needs the (optional) epoll classes. */
final class EpollTransport {

    private EpollTransport() {
    }

    /** Linux's SOL_SOCKET and SO_OOBINLINE (the values of every architecture Netty ships epoll for). */
    private static final int SOL_SOCKET = 1;
    private static final int SO_OOBINLINE = 10;

    /** SO_OOBINLINE on accepted connections (see {@link UrgentDataInline}). */
    static void urgentDataInline(ServerBootstrap bootstrap) {
        bootstrap.childOption(new IntegerUnixChannelOption("SO_OOBINLINE", SOL_SOCKET, SO_OOBINLINE), 1);
    }

    static Transport ifAvailable() {
        if (!Epoll.isAvailable()) {
            LoggerFactory.getLogger(EpollTransport.class).debug("native epoll unavailable: {}",
                    String.valueOf(Epoll.unavailabilityCause()));
            return null;
        }
        return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                EpollSocketChannel.class);
    }
}
