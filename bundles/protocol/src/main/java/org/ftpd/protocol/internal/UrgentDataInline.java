package org.ftpd.protocol.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.socket.nio.NioChannelOption;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SO_OOBINLINE for control connections, as pyftpdlib sets it. RFC 959 clients (Python's ftplib among them) send
 * ABOR as TCP urgent data; without this option the kernel takes the urgent byte (the line's final LF) out of the
 * stream and the command line never ends.
 */
final class UrgentDataInline {

    private static final Logger LOG = LoggerFactory.getLogger(UrgentDataInline.class);
    private static final SocketOption<Boolean> NIO_OPTION = findNioOption();

    private UrgentDataInline() {
    }

    /** Sets the option on every connection {@code bootstrap} accepts, for the NIO transport. */
    static void nio(ServerBootstrap bootstrap) {
        if (NIO_OPTION != null) {
            bootstrap.childOption(NioChannelOption.of(NIO_OPTION), Boolean.TRUE);
        }
    }

    /** The JDK supports the option on its socket channels without exporting a constant: find it by name. */
    @SuppressWarnings("unchecked")
    private static SocketOption<Boolean> findNioOption() {
        try (SocketChannel probe = SocketChannel.open()) {
            for (SocketOption<?> option : probe.supportedOptions()) {
                if (option.name().equals("SO_OOBINLINE") && option.type() == Boolean.class) {
                    return (SocketOption<Boolean>) option;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot look up SO_OOBINLINE: {}", e.toString());
        }
        LOG.debug("SO_OOBINLINE is not available; ABOR sent as urgent data may be cut");
        return null;
    }
}
