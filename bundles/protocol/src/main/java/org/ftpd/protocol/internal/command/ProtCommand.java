package org.ftpd.protocol.internal.command;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.tls.SessionTls;

/**
 * PROT (RFC 4217 section 9): C (clear) or P (private) data connections, after PBSZ on a protected control
 * connection. S and E mean nothing with TLS (536).
 */
final class ProtCommand extends TlsCommand {

    ProtCommand() {
        super("PROT", "PROT <SP> [C|P] (set up un/secure data channel).");
    }

    @Override
    public String feature() {
        return "PROT";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        SessionTls tls = ctx.session().tls();
        if (!tls.protectsControl()) {
            // also after CCC: a PROT in clear could be someone else's downgrade
            throw new ReplyException(503, "PROT not allowed on insecure control connection.");
        }
        if (!tls.pbsz()) {
            throw new ReplyException(503, "You must issue the PBSZ command prior to PROT.");
        }
        String level = argument.trim().toUpperCase(Locale.ROOT);
        switch (level) {
            case "C":
                tls.privateData(false);
                return reply(200, "Protection set to Clear.");
            case "P":
                tls.privateData(true);
                return reply(200, "Protection set to Private.");
            case "S":
            case "E":
                throw new ReplyException(536, "PROT " + level + " unsupported (use C or P).");
            default:
                throw new ReplyException(504, "Unrecognized PROT type (use C or P).");
        }
    }
}
