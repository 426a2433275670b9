package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;

/** RNFR: names what RNTO renames; it must exist. */
final class RnfrCommand extends PathCommand {

    RnfrCommand() {
        super("RNFR", Permission.RENAME, "RNFR <SP> file-name (rename (source name)).");
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException {
        if (path.equals("/")) {
            throw new ReplyException(550, "Can't rename the home directory.");
        }
        ctx.session().renameFrom(null);
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> fs.stat(path)).thenApply(file -> {
            ctx.session().renameFrom(path);
            return FtpReply.of(350, "Ready for destination name.");
        });
    }
}
