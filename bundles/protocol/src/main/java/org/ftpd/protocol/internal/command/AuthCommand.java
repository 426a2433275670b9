package org.ftpd.protocol.internal.command;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.TlsContextProvider;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.tls.SessionTls;
import org.ftpd.protocol.internal.tls.TlsEngines;
import org.ftpd.protocol.internal.tls.TlsReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTH TLS (RFC 4217), and SSL, TLS-C and TLS-P, which pyftpdlib and most servers take as TLS (the protocols
 * negotiate their own version). 234 goes out in clear, then the client starts the TLS handshake; anything the
 * client sent behind AUTH before the handshake is dropped. Without a TLS provider: 431.
 */
final class AuthCommand extends TlsCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AuthCommand.class);
    private static final Set<String> MECHANISMS = Set.of("TLS", "SSL", "TLS-C", "TLS-P");

    AuthCommand() {
        super("AUTH", "AUTH <SP> TLS (set up secure control channel).");
    }

    @Override
    public String feature() {
        return "AUTH TLS";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        String mechanism = argument.trim().toUpperCase(Locale.ROOT);
        if (!MECHANISMS.contains(mechanism)) {
            throw new ReplyException(504, "AUTH " + printable(mechanism) + " not supported (use TLS).");
        }
        SessionTls tls = ctx.session().tls();
        if (tls.started()) {
            throw new ReplyException(503, tls.protectsControl() ? "Already using TLS."
                    : "TLS was already used and cleared on this connection.");
        }
        TlsContextProvider provider = ctx.server().tls();
        if (provider == null) {
            throw new ReplyException(431, "TLS is not available on this server.");
        }
        // at once when the provider has its key material; on a first start it may still be making it: the reply
        // waits (the client waits for it), the network thread does not
        CompletableFuture<FtpReply> reply = new CompletableFuture<>();
        TlsReadiness.whenReady(provider, ctx.channel().eventLoop(), failure -> {
            try {
                reply.complete(start(ctx, provider, mechanism, failure));
            } catch (ReplyException e) {
                reply.complete(e.reply());
            }
        });
        return reply;
    }

    private static FtpReply start(CommandContext ctx, TlsContextProvider provider, String mechanism,
            Throwable notReady) throws ReplyException {
        if (notReady != null) {
            LOG.warn("{}: TLS is not available: {}", ctx.session(), notReady.toString());
            throw new ReplyException(431, "TLS is not available right now.");
        }
        TlsEngines.ControlEngine engine;
        try {
            engine = TlsEngines.control(provider);
        } catch (RuntimeException e) {
            LOG.warn("{}: the TLS provider failed to make an engine", ctx.session(), e);
            throw new ReplyException(431, "TLS is not available right now.");
        }
        ctx.startTls(engine);
        return FtpReply.of(234, "AUTH " + mechanism + " successful.");
    }

    private static String printable(String text) {
        return text.length() > 16 ? text.substring(0, 16) + "..." : text;
    }
}
