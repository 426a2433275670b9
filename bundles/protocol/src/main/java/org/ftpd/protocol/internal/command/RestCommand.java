package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** REST (RFC 3659 STREAM): the offset the next RETR or STOR starts at. */
final class RestCommand extends BaseCommand {

    RestCommand() {
        super("REST", null, true, "REST <SP> offset (set file offset).");
    }

    @Override
    public String feature() {
        return "REST STREAM";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        long offset;
        try {
            offset = Long.parseLong(argument.trim());
        } catch (NumberFormatException e) {
            throw new ReplyException(501, "Invalid parameter: not a number.");
        }
        if (offset < 0) {
            throw new ReplyException(501, "Invalid parameter: negative offset.");
        }
        ctx.session().restartOffset(offset);
        return reply(350, "Restarting at position " + offset + ".");
    }
}
