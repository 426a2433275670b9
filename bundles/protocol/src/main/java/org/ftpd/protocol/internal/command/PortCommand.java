package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.Addresses;

/** PORT: the client's IPv4 address and port for the next data connection. */
final class PortCommand extends BaseCommand {

    PortCommand() {
        super("PORT", null, true, "PORT <SP> h,h,h,h,p,p (set data port).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        if (ctx.session().epsvAll()) {
            throw new ReplyException(503, "PORT not allowed after EPSV ALL.");
        }
        requireArgument(argument);
        ActiveMode.prepare(ctx, Addresses.parsePort(argument));
        return reply(200, "PORT command successful.");
    }
}
