package org.ftpd.protocol.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.Account;
import org.ftpd.protocol.internal.codec.FtpReply;

/** QUIT: 221 and close; during a transfer, after the transfer's own reply. */
final class QuitCommand extends BaseCommand {

    QuitCommand() {
        super("QUIT", null, false, "QUIT (quit current session).");
    }

    @Override
    public boolean runsDuringTransfer() {
        return true;
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) {
        Account account = ctx.session().account();
        return ctx.whenPreviousCommandDone().thenApply(v -> {
            if (account != null && account.quitMessage() != null && !account.quitMessage().isBlank()) {
                List<String> lines = new ArrayList<>(List.of(account.quitMessage().split("\r?\n")));
                lines.add("Goodbye.");
                return FtpReply.of(221, lines);
            }
            return FtpReply.of(221, "Goodbye.");
        });
    }
}
