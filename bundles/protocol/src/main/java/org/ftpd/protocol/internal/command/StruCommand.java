package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** STRU: only F (file). */
final class StruCommand extends BaseCommand {

    StruCommand() {
        super("STRU", null, true, "STRU <SP> F (set file structure).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        if (argument.trim().equalsIgnoreCase("F")) {
            return reply(200, "File transfer structure set to: F.");
        }
        throw new ReplyException(504, "Unimplemented STRU type.");
    }
}
