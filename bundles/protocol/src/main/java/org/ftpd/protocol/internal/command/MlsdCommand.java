package org.ftpd.protocol.internal.command;

import java.util.function.Function;
import org.ftpd.api.FileDetail;
import org.ftpd.api.FtpFile;
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
        return MachineListing.entries(session.account().permissionsIn(path), session.mlstFacts());
    }

    /** The basic facts alone unless the session selected a {@code unix.} fact (OPTS MLST). */
    @Override
    protected FileDetail detail(FtpSession session) {
        return Fact.needsFullDetail(session.mlstFacts()) ? FileDetail.FULL : FileDetail.BASIC;
    }

    @Override
    protected DirectoryListing<?> ofFile(FtpFile file, Function<FtpFile, String> format) throws ReplyException {
        throw new ReplyException(501, "No such directory.");
    }
}
