package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** SYST: the answer clients expect to parse LIST as {@code ls -l}. */
final class SystCommand extends BaseCommand {

    SystCommand() {
        super("SYST", null, false, "SYST (get operating system type).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) {
        return reply(215, "UNIX Type: L8");
    }
}
