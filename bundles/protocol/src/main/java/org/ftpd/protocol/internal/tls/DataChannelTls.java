package org.ftpd.protocol.internal.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSession;
import org.ftpd.api.TlsContextProvider;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.TlsTicketHold;
import org.ftpd.protocol.internal.session.FtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PROT P: TLS on a data connection, the FTP client being the TLS client whichever side connected (RFC 4217
 * section 7). The handshake must finish within {@code tls.handshake.timeout}; when session reuse is required,
 * the data connection must resume the control connection's session, or it is closed and the transfer answered
 * with 522.
 */
public final class DataChannelTls {

    /** The data connection could not be protected; {@link #reply()} is the transfer's final reply. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient FtpReply reply;

        Refused(FtpReply reply, Throwable cause) {
            super(reply.toString(), cause, false, false);
            this.reply = reply;
        }

        public FtpReply reply() {
            return reply;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DataChannelTls.class);

    private DataChannelTls() {
    }

    /**
     * Starts TLS on {@code data} (auto-read off, on the session's event loop).
     *
     * @return completes on the loop with {@code data} once protected, or with {@link Refused}
     */
    public static CompletableFuture<Channel> secure(TlsContextProvider provider, ServerSettings settings,
            FtpSession session, Channel data) {
        SessionTls tls = session.tls();
        SslHandler handler = TlsEngines.handler(TlsEngines.data(provider, tls), false, settings.tlsHandshakeTimeout());
        data.pipeline().addFirst("ssl", handler);
        data.pipeline().addFirst("tls-ticket-hold", new TlsTicketHold(handler));
        CompletableFuture<Channel> result = new CompletableFuture<>();
        boolean reuseRequired = TlsPolicy.reuseRequired(settings, session.userName());
        handler.handshakeFuture().addListener(f -> {
            if (!f.isSuccess()) {
                LOG.info("{}: TLS handshake on the data connection failed: {}", session, f.cause().toString());
                data.close();
                result.completeExceptionally(new Refused(FtpReply.of(522,
                        "TLS negotiation on the data connection failed."), f.cause()));
                return;
            }
            SSLSession dataSession = handler.engine().getSession();
            if (reuseRequired && !SessionReuse.resumes(tls.controlSession(), dataSession)) {
                LOG.warn("{}: data connection refused: its TLS session is not the control connection's "
                        + "(tls.session.reuse.required)", session);
                data.close();
                result.completeExceptionally(new Refused(FtpReply.of(522,
                        "Data connection must resume the TLS session of the control connection."), null));
                return;
            }
            result.complete(data);
        });
        // auto-read is off: ask for the client's hello (the handler reads on until the handshake is done)
        data.read();
        return result;
    }
}
