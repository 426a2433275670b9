package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** CLNT: the client names itself (for logs and STAT); the name changes nothing else. */
final class ClntCommand extends BaseCommand {

    /** Enough for any real client's name and version; longer ones are cut so logs stay readable. */
    private static final int MAX_NAME = 128;

    ClntCommand() {
        super("CLNT", null, false, "CLNT <SP> client-name (identify the client).");
    }

    @Override
    public String feature() {
        return "CLNT";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        String name = argument.trim();
        ctx.session().clientName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
        return reply(200, "Noted.");
    }
}
