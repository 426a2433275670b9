package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.Addresses;

/** EPRT (RFC 2428): {@code |1|ipv4|port|} or {@code |2|ipv6|port|}. */
final class EprtCommand extends BaseCommand {

    EprtCommand() {
        super("EPRT", null, true, "EPRT <SP> |proto|ip|port| (extended active mode).");
    }

    @Override
    public String feature() {
        return "EPRT";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        if (ctx.session().epsvAll()) {
            throw new ReplyException(503, "EPRT not allowed after EPSV ALL.");
        }
        requireArgument(argument);
        ActiveMode.prepare(ctx, Addresses.parseEprt(argument));
        return reply(200, "EPRT command successful.");
    }
}
