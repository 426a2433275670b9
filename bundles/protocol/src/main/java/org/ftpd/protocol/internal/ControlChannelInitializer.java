package org.ftpd.protocol.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.LineBasedFrameDecoder;
import org.ftpd.protocol.internal.codec.FtpReplyEncoder;
import org.ftpd.protocol.internal.codec.FtpRequestDecoder;
import org.ftpd.protocol.internal.session.ControlHandler;

/** The pipeline of a control connection: line framing (bounded) -> request decoder -> reply encoder -> session. */
public final class ControlChannelInitializer extends ChannelInitializer<Channel> {

    private final ServerContext server;

    public ControlChannelInitializer(ServerContext server) {
        this.server = server;
    }

    @Override
    protected void initChannel(Channel ch) {
        // fail fast: the client hears about an overlong line at once, and the rest of it is discarded
        ch.pipeline()
                .addLast("framer", new LineBasedFrameDecoder(server.settings().maxLineLength(), true, true))
                .addLast("decoder", FtpRequestDecoder.INSTANCE)
                .addLast("encoder", FtpReplyEncoder.INSTANCE)
                .addLast("session", new ControlHandler(server));
    }
}
