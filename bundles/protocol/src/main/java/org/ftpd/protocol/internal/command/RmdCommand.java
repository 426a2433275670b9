package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;

/** RMD / XRMD: removes an empty directory, never the root, the current directory or one of its parents. */
final class RmdCommand extends PathCommand {

    RmdCommand(String verb) {
        super(verb, Permission.DELETE, verb + " <SP> dir-name (remove directory).");
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException {
        if (path.equals("/")) {
            throw new ReplyException(550, "Can't remove the root directory.");
        }
        String cwd = ctx.session().cwd();
        if (cwd.equals(path) || cwd.startsWith(path + "/")) {
            throw new ReplyException(550, "Can't remove the current directory or one of its parents.");
        }
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> {
            if (!fs.stat(path).isDirectory()) {
                throw new ReplyException(550, "Not a directory.");
            }
            fs.deleteDirectory(path);
            return FtpReply.of(250, "Directory removed.");
        });
    }
}
