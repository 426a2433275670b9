package org.ftpd.protocol.internal.command;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.TransferType;

/** TYPE: A (with the optional N format) or I (also L 8). */
final class TypeCommand extends BaseCommand {

    TypeCommand() {
        super("TYPE", null, true, "TYPE <SP> [A | I] (set transfer type).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        String type = argument.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (type) {
            case "A", "A N" -> {
                ctx.session().type(TransferType.ASCII);
                return reply(200, "Type set to: ASCII.");
            }
            case "I", "L 8", "L8" -> {
                ctx.session().type(TransferType.BINARY);
                return reply(200, "Type set to: Binary.");
            }
            default -> throw new ReplyException(504, "Unsupported type \"" + argument.trim() + "\".");
        }
    }
}
