package org.ftpd.protocol.internal;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import org.slf4j.LoggerFactory;

/** Kept apart from {@link Transport} so that only this class needs the (optional) epoll classes. */
final class EpollTransport {

    private EpollTransport() {
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
