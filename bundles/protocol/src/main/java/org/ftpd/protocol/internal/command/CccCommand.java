package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.tls.SessionTls;
import org.ftpd.protocol.internal.tls.TlsPolicy;

/**
 * CCC (RFC 4217 section 6): after login, the control connection goes back to clear text (so that NAT devices
 * can read PORT/PASV); data protection stays as PROT set it. The 200 reply is the last protected message, then
 * both sides send close_notify. Refused when the control connection must stay protected
 * ({@code tls.control.required}) and on the implicit port.
 */
final class CccCommand extends BaseCommand {

    CccCommand() {
        super("CCC", null, true, "CCC (clear command channel).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        refuseArgument(argument);
        SessionTls tls = ctx.session().tls();
        if (!tls.protectsControl()) {
            throw new ReplyException(533, "CCC not allowed on insecure control connection.");
        }
        if (tls.implicit()) {
            throw new ReplyException(534, "Request denied for policy reasons: the implicit FTPS port stays "
                    + "protected.");
        }
        if (ctx.settings().tlsControlRequired() && !TlsPolicy.exempt(ctx.settings(), ctx.session().userName())) {
            throw new ReplyException(534, "Request denied for policy reasons: SSL/TLS required on the control "
                    + "channel.");
        }
        ctx.stopTls();
        return reply(200, "CCC command successful; the control channel is clear from now on.");
    }
}
