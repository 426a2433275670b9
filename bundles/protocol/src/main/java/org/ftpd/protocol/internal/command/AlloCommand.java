package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** ALLO: nothing to reserve on this server. */
final class AlloCommand extends BaseCommand {

    AlloCommand() {
        super("ALLO", null, true, "ALLO <SP> bytes (noop; allocate storage).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) {
        return reply(202, "No storage allocation necessary.");
    }
}
