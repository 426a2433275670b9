package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.listing.MachineListing;

/** MDTM (RFC 3659): a file's modification time, {@code YYYYMMDDHHMMSS} in UTC. */
final class MdtmCommand extends PathCommand {

    MdtmCommand() {
        super("MDTM", Permission.LIST, "MDTM <SP> file-name (get last modification time).");
    }

    @Override
    public String feature() {
        return "MDTM";
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument) {
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> fs.stat(path)).thenApply(file -> file.isFile() && file.lastModified() != null
                ? FtpReply.of(213, MachineListing.TIME.format(file.lastModified()))
                : FtpReply.of(550, quoted(path) + " is not a regular file."));
    }
}
