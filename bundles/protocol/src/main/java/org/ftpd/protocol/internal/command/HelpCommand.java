package org.ftpd.protocol.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** HELP: the verbs, or the syntax of one. */
final class HelpCommand extends BaseCommand {

    HelpCommand() {
        super("HELP", null, false, "HELP [<SP> cmd] (show help).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        CommandRegistry commands = ctx.server().commands();
        if (!argument.isBlank()) {
            Command c = commands.find(argument.trim().toUpperCase(Locale.ROOT));
            if (c == null) {
                throw new ReplyException(501, "Unrecognized command.");
            }
            return reply(214, "Syntax: " + c.help());
        }
        List<String> lines = new ArrayList<>();
        lines.add("The following commands are recognized:");
        StringBuilder row = new StringBuilder();
        for (String verb : commands.verbs()) {
            row.append(' ').append(String.format(Locale.ROOT, "%-5s", verb));
            if (row.length() > 60) {
                lines.add(row.toString());
                row.setLength(0);
            }
        }
        if (row.length() > 0) {
            lines.add(row.toString());
        }
        lines.add("Help command successful.");
        return reply(FtpReply.of(214, lines));
    }
}
