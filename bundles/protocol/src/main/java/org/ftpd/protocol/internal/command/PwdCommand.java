package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** PWD / XPWD: 257 with the current directory quoted (inner quotes doubled). */
final class PwdCommand extends BaseCommand {

    PwdCommand(String verb) {
        super(verb, null, true, verb + " (get current working directory).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) {
        return reply(257, quoted(ctx.session().cwd()) + " is the current directory.");
    }
}
