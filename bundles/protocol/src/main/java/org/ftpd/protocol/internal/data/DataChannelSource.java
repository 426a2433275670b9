package org.ftpd.protocol.internal.data;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/** Where the next transfer's data connection comes from: a PASV/EPSV listener or a PORT/EPRT address. */
public interface DataChannelSource {

    /**
     * The connected data channel (auto-read off), completing on the control connection's event loop. The caller
     * owns the channel from then on.
     */
    CompletableFuture<Channel> connect();

    /** Releases whatever is held (listener, pending connection). Idempotent. */
    void close();
}
