package org.ftpd.protocol.internal.command;

import java.util.List;
import org.ftpd.api.Account;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;

/** NLST: names only. */
final class NlstCommand extends ListingCommand {

    NlstCommand() {
        super("NLST", "NLST [<SP> path] (list path in a compact form).");
    }

    @Override
    protected List<String> render(FtpFileSystem fs, Account account, String path) throws Exception {
        FtpFile target = fs.stat(path);
        if (!target.isDirectory()) {
            return List.of(target.name());
        }
        return entries(fs, path).stream().map(FtpFile::name).toList();
    }
}
