package org.ftpd.protocol.internal.command;

import java.io.IOException;
import java.util.function.Function;
import org.ftpd.api.FileDetail;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.protocol.internal.listing.DirectoryListing;
import org.ftpd.protocol.internal.session.FtpSession;

/** NLST: names only (of a directory's entries, or of the file named). */
final class NlstCommand extends ListingCommand {

    NlstCommand() {
        super("NLST", "NLST [<SP> path] (list path in a compact form).");
    }

    @Override
    protected Function<FtpFile, String> format(FtpSession session, String path) {
        return FtpFile::name;
    }

    /** Names alone: no lookup per entry, which makes NLST of a big directory cheap (as pyftpdlib's is). */
    @Override
    protected DirectoryListing<?> ofDirectory(FtpFileSystem fs, String path, FileDetail detail,
            Function<FtpFile, String> format) throws IOException {
        return DirectoryListing.names(fs, path);
    }
}
