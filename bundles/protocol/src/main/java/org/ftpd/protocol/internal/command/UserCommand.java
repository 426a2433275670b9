package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** USER: remembers the name; always 331, so nobody learns which names exist. */
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
        ctx.session().pendingUser(argument);
        return reply(331, "Username ok, send password.");
    }
}
