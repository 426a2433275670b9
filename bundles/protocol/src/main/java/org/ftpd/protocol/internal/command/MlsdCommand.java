package org.ftpd.protocol.internal.command;

import java.util.Set;
import java.util.function.Function;
import org.ftpd.api.FtpFile;
import org.ftpd.api.Permissions;
import org.ftpd.protocol.internal.listing.DirectoryListing;
import org.ftpd.protocol.internal.listing.Fact;
import org.ftpd.protocol.internal.listing.MachineListing;
import org.ftpd.protocol.internal.session.FtpSession;

/** MLSD (RFC 3659): one line of the selected facts per entry of a directory; a file is refused with 501. */
final class MlsdCommand extends ListingCommand {

    MlsdCommand() {
        super("MLSD", "MLSD [<SP> path] (list directory).");
    }

    @Override
    protected Function<FtpFile, String> format(FtpSession session, String path) {
        Permissions permissions = session.account().permissionsIn(path);
        Set<Fact> facts = session.mlstFacts();
        return f -> MachineListing.line(f, permissions, f.name(), facts);
    }

    @Override
    protected DirectoryListing<?> ofFile(FtpFile file, Function<FtpFile, String> format) throws ReplyException {
        throw new ReplyException(501, "No such directory.");
    }
}
