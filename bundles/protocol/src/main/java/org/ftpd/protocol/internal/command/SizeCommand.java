package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.TransferType;

/**
 * SIZE (RFC 3659): the size of a file. Refused in ASCII mode, as pyftpdlib does: the size on the wire would
 * differ from the size on disk.
 */
final class SizeCommand extends PathCommand {

    SizeCommand() {
        super("SIZE", Permission.LIST, "SIZE <SP> file-name (get file size).");
    }

    @Override
    public String feature() {
        return "SIZE";
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException {
        if (ctx.session().type() == TransferType.ASCII) {
            throw new ReplyException(550, "SIZE not allowed in ASCII mode.");
        }
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> fs.stat(path)).thenApply(file -> file.isFile()
                ? FtpReply.of(213, Long.toString(file.size()))
                : FtpReply.of(550, quoted(path) + " is not a regular file."));
    }
}
