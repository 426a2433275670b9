package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** NOOP: keeps the connection alive. */
final class NoopCommand extends BaseCommand {

    NoopCommand() {
        super("NOOP", null, false, "NOOP (no operation).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) {
        return reply(200, "NOOP command successful.");
    }
}
