package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;

/** CWD / XCWD: enters a directory; permission {@code e} in that directory. */
final class CwdCommand extends PathCommand {

    CwdCommand(String verb) {
        super(verb, Permission.CHANGE_DIR, verb + " [<SP> dir-name] (change working directory).");
    }

    /** Paths are Unix-like, rooted at the home (RFC 3659 trivial virtual file store). */
    @Override
    public String feature() {
        return "TVFS";
    }

    @Override
    protected boolean argumentRequired() {
        return false;
    }

    @Override
    protected String permissionDirectory(String path) {
        return path;
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument) {
        return change(ctx, path);
    }

    static CompletionStage<FtpReply> change(CommandContext ctx, String path) {
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> fs.stat(path)).thenApply((FtpFile file) -> {
            if (!file.isDirectory()) {
                return FtpReply.of(550, "Not a directory.");
            }
            ctx.session().cwd(path);
            return FtpReply.of(250, quoted(path) + " is the current directory.");
        });
    }
}
