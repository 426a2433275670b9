package org.ftpd.protocol.internal.command;

import java.util.List;
import org.ftpd.api.Account;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permissions;
import org.ftpd.protocol.internal.listing.MachineListing;

/** MLSD (RFC 3659): one fact line per entry of a directory. */
final class MlsdCommand extends ListingCommand {

    MlsdCommand() {
        super("MLSD", "MLSD [<SP> path] (list directory).");
    }

    @Override
    protected List<String> render(FtpFileSystem fs, Account account, String path) throws Exception {
        if (!fs.stat(path).isDirectory()) {
            throw new ReplyException(501, "No such directory.");
        }
        Permissions permissions = account.permissionsIn(path);
        return entries(fs, path).stream().map(f -> MachineListing.line(f, permissions, f.name())).toList();
    }
}
