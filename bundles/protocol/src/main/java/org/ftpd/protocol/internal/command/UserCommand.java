package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.tls.TlsPolicy;

/**
 * USER: remembers the name; always 331, so nobody learns which names exist. With {@code tls.control.required},
 * refused (534) until the control connection is protected.
 */
final class UserCommand extends BaseCommand {

    UserCommand() {
        super("USER", null, false, "USER <SP> user-name (set username).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        if (ctx.session().loggedIn()) {
            throw new ReplyException(530, "Can't change user while logged in.");
        }
        FtpReply refusal = TlsPolicy.controlRefusal(ctx.settings(), ctx.session().tls(), argument);
        if (refusal != null) {
            throw new ReplyException(refusal);
        }
        ctx.session().pendingUser(argument);
        return reply(331, "Username ok, send password.");
    }
}
