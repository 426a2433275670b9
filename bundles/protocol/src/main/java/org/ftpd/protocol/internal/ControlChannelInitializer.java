package org.ftpd.protocol.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.util.concurrent.CompletableFuture;
import org.ftpd.api.TlsContextProvider;
import org.ftpd.protocol.internal.codec.ControlLineFramer;
import org.ftpd.protocol.internal.codec.FtpReplyEncoder;
import org.ftpd.protocol.internal.codec.FtpRequestDecoder;
import org.ftpd.protocol.internal.session.ControlHandler;
import org.ftpd.protocol.internal.throttle.CommandRateLimiter;
import org.ftpd.protocol.internal.tls.TlsEngines;
import org.ftpd.protocol.internal.tls.TlsReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of a control connection: [TLS, on the implicit FTPS port] -> line framing (bounded) -> request
 * decoder -> reply encoder -> session.
 */
public final class ControlChannelInitializer extends ChannelInitializer<Channel> {

    private static final Logger LOG = LoggerFactory.getLogger(ControlChannelInitializer.class);

    private final ServerContext server;
    private final boolean implicitTls;

    public ControlChannelInitializer(ServerContext server) {
        this(server, false);
    }

    /** @param implicitTls whether connections start with a TLS handshake (the implicit FTPS port) */
    public ControlChannelInitializer(ServerContext server, boolean implicitTls) {
        this.server = server;
        this.implicitTls = implicitTls;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (!implicitTls) {
            addHandlers(ch, null);
            return;
        }
        TlsContextProvider provider = server.tls();
        if (provider == null) {
            LOG.warn("refused an implicit FTPS connection from {}: no TLS provider is available", ch.remoteAddress());
            ch.close();
            return;
        }
        CompletableFuture<Void> ready = provider.ready().toCompletableFuture();
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            addHandlers(ch, TlsEngines.control(provider));
            return;
        }
        // the provider is still making its key material (a first start): the client waits for the handshake
        // meanwhile, and the session starts once the TLS handler can be put first
        ch.config().setAutoRead(false);
        TlsReadiness.whenReady(provider, ch.eventLoop(), failure -> {
            if (!ch.isActive()) {
                return;
            }
            if (failure != null) {
                LOG.warn("refused an implicit FTPS connection from {}: TLS is not available: {}", ch.remoteAddress(),
                        failure.toString());
                ch.close();
                return;
            }
            addHandlers(ch, TlsEngines.control(provider));
            // the channel became active before these handlers were there: they hear it now
            ch.pipeline().fireChannelActive();
            ch.config().setAutoRead(true);
        });
    }

    private void addHandlers(Channel ch, TlsEngines.ControlEngine tls) {
        // first, so that what every handler behind it logs carries the session's MDC
        ch.pipeline().addLast("mdc", SessionMdcHandler.INSTANCE);
        if (tls != null) {
            ch.pipeline().addLast("tls", TlsEngines.handler(tls.engine(), false,
                    server.settings().tlsHandshakeTimeout()));
        }
        // fail fast: the client hears about an overlong line at once, and the rest of it is discarded
        ch.pipeline()
                .addLast("framer", new ControlLineFramer(server.settings().maxLineLength()))
                .addLast("decoder", FtpRequestDecoder.INSTANCE)
                .addLast(CommandRateLimiter.NAME, new CommandRateLimiter(() -> server.settings().maxCommandsPerSecond()))
                .addLast("encoder", FtpReplyEncoder.INSTANCE)
                .addLast("session", new ControlHandler(server, tls));
    }
}
