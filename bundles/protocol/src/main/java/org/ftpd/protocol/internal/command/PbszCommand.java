package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** PBSZ (RFC 4217 section 8): TLS has no buffer size; any valid size is answered with PBSZ=0. */
final class PbszCommand extends TlsCommand {

    private static final long MAX = 0xFFFF_FFFFL;

    PbszCommand() {
        super("PBSZ", "PBSZ <SP> 0 (negotiate size of buffer for secure data transfer).");
    }

    @Override
    public String feature() {
        return "PBSZ";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        if (!ctx.session().tls().protectsControl()) {
            throw new ReplyException(503, "PBSZ not allowed on insecure control connection.");
        }
        long size;
        try {
            size = Long.parseLong(argument.trim());
        } catch (NumberFormatException e) {
            throw new ReplyException(501, "PBSZ needs a decimal number.");
        }
        if (size < 0 || size > MAX) {
            throw new ReplyException(501, "PBSZ out of range.");
        }
        ctx.session().tls().pbsz(true);
        return reply(200, size == 0 ? "PBSZ=0 successful." : "PBSZ=0");
    }
}
