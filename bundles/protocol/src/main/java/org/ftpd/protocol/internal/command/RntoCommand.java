package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;

/** RNTO: renames what RNFR named. */
final class RntoCommand extends PathCommand {

    RntoCommand() {
        super("RNTO", Permission.RENAME, "RNTO <SP> file-name (rename (destination name)).");
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException {
        String from = ctx.session().renameFrom();
        if (from == null) {
            throw new ReplyException(503, "Bad sequence of commands: use RNFR first.");
        }
        ctx.session().renameFrom(null);
        if (path.equals("/")) {
            throw new ReplyException(550, "Can't rename to the home directory.");
        }
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> {
            fs.rename(from, path);
            return FtpReply.of(250, "Renaming ok.");
        });
    }
}
