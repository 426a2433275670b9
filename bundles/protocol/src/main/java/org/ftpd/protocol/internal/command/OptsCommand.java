package org.ftpd.protocol.internal.command;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** OPTS (RFC 2389): only {@code UTF8 ON}, which is always in force (RFC 2640). */
final class OptsCommand extends BaseCommand {

    OptsCommand() {
        super("OPTS", null, false, "OPTS <SP> command [<SP> options] (set option for command).");
    }

    @Override
    public String feature() {
        return "UTF8";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        String[] words = argument.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (words[0].equals("UTF8") || words[0].equals("UTF-8")) {
            if (words.length == 1 || words[1].equals("ON")) {
                return reply(200, "Always in UTF8 mode.");
            }
            throw new ReplyException(504, "Only UTF-8 is supported.");
        }
        throw new ReplyException(501, "Invalid OPTS argument.");
    }
}
