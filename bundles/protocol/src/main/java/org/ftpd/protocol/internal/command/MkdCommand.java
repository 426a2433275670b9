package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;

/** MKD / XMKD: 257 with the new directory's path. */
final class MkdCommand extends PathCommand {

    MkdCommand(String verb) {
        super(verb, Permission.MAKE_DIR, verb + " <SP> path-name (create directory).");
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument) {
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> {
            fs.createDirectory(path);
            return FtpReply.of(257, quoted(path) + " directory created.");
        });
    }
}
