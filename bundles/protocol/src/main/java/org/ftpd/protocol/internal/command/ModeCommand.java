package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** MODE: only S (stream). */
final class ModeCommand extends BaseCommand {

    ModeCommand() {
        super("MODE", null, true, "MODE <SP> S (set transfer mode).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        if (argument.trim().equalsIgnoreCase("S")) {
            return reply(200, "Transfer mode set to: S.");
        }
        throw new ReplyException(504, "Unimplemented MODE type.");
    }
}
