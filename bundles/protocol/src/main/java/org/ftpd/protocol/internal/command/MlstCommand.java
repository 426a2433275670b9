package org.ftpd.protocol.internal.command;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.listing.MachineListing;

/** MLST (RFC 3659): the facts of one path, on the control connection. */
final class MlstCommand extends PathCommand {

    MlstCommand() {
        super("MLST", Permission.LIST, "MLST [<SP> path] (show a path's facts).");
    }

    @Override
    public String feature() {
        return MachineListing.FEATURE;
    }

    @Override
    protected boolean argumentRequired() {
        return false;
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument) {
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> fs.stat(path)).thenApply(file -> {
            String directory = file.isDirectory() ? path : parentOf(path);
            String facts = MachineListing.line(file, ctx.session().account().permissionsIn(directory), path);
            return FtpReply.of(250, List.of("Listing " + path, " " + facts, "End MLST."));
        });
    }
}
