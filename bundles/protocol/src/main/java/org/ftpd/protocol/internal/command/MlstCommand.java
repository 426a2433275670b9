package org.ftpd.protocol.internal.command;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.listing.Fact;
import org.ftpd.protocol.internal.listing.MachineListing;
import org.ftpd.protocol.internal.session.FtpSession;

/** MLST (RFC 3659): the selected facts of one path, on the control connection. */
final class MlstCommand extends PathCommand {

    MlstCommand() {
        super("MLST", Permission.LIST, "MLST [<SP> path] (show a path's facts).");
    }

    @Override
    public String feature() {
        return MachineListing.feature(Fact.defaults());
    }

    @Override
    public String feature(FtpSession session) {
        return MachineListing.feature(session.mlstFacts());
    }

    @Override
    protected boolean argumentRequired() {
        return false;
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument) {
        FtpFileSystem fs = ctx.session().fileSystem();
        Set<Fact> facts = ctx.session().mlstFacts();
        return ctx.blocking(() -> fs.stat(path)).thenApply(file -> {
            String directory = file.isDirectory() ? path : parentOf(path);
            String line = MachineListing.line(file, ctx.session().account().permissionsIn(directory), path, facts);
            return FtpReply.of(250, List.of("Listing " + path, " " + line, "End MLST."));
        });
    }
}
