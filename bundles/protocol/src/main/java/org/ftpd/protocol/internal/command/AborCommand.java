package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.Transfer;
import org.ftpd.protocol.internal.session.FtpSession;

/**
 * ABOR: stops the running transfer (which answers 426), then answers 226; with no transfer, closes any
 * prepared data connection and answers 225.
 */
final class AborCommand extends BaseCommand {

    AborCommand() {
        super("ABOR", null, true, "ABOR (abort data-channel transfer).");
    }

    @Override
    public boolean runsDuringTransfer() {
        return true;
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) {
        FtpSession session = ctx.session();
        if (!ctx.transferCommandRunning()) {
            session.dataSource(null);
            return reply(225, "No transfer to abort.");
        }
        Transfer transfer = session.transfer();
        if (transfer != null) {
            transfer.abort();
        } else {
            // still preparing or waiting for the data connection: cancelling it fails the command with 425
            session.dataSource(null);
        }
        return ctx.whenPreviousCommandDone().thenApply(v -> FtpReply.of(226, "ABOR command successful."));
    }
}
