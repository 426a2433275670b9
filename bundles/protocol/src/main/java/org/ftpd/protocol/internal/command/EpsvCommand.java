package org.ftpd.protocol.internal.command;

import java.net.Inet6Address;
import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.Addresses;

/** EPSV (RFC 2428): 229 with the port only; {@code EPSV ALL} refuses every other way from then on. */
final class EpsvCommand extends BaseCommand {

    EpsvCommand() {
        super("EPSV", null, true, "EPSV [<SP> proto/\"ALL\"] (extended passive mode).");
    }

    @Override
    public String feature() {
        return "EPSV";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        String arg = argument.trim();
        if (arg.equalsIgnoreCase("ALL")) {
            ctx.session().epsvAll(true);
            return reply(200, "EPSV ALL command successful.");
        }
        boolean ipv6 = Addresses.unmapped(ctx.session().localAddress().getAddress()) instanceof Inet6Address;
        if (!arg.isEmpty()) {
            String own = ipv6 ? "2" : "1";
            if (!arg.equals("1") && !arg.equals("2")) {
                throw new ReplyException(501, "Invalid EPSV argument.");
            }
            if (!arg.equals(own)) {
                throw new ReplyException(522, "Network protocol not supported, use (" + own + ")");
            }
        }
        return PassiveMode.listen(ctx, listener -> FtpReply.of(229,
                "Entering Extended Passive Mode (|||" + listener.port() + "|)."));
    }
}
