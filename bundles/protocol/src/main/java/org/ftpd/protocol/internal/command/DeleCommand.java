package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;

/** DELE: removes a file. */
final class DeleCommand extends PathCommand {

    DeleCommand() {
        super("DELE", Permission.DELETE, "DELE <SP> file-name (delete file).");
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument) {
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> {
            fs.deleteFile(path);
            return FtpReply.of(250, "File removed.");
        });
    }
}
