package org.ftpd.protocol.internal.command;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.Account;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.listing.UnixListing;

/** LIST: {@code ls -l} lines; leading options such as {@code -a}, {@code -l}, {@code -la} are accepted and ignored. */
final class ListCommand extends ListingCommand {

    ListCommand() {
        super("LIST", "LIST [<SP> path] (list files).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        return super.execute(ctx, withoutOptions(argument));
    }

    static String withoutOptions(String argument) {
        String rest = argument.stripLeading();
        while (rest.matches("-[A-Za-z]+(\\s.*)?")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        return rest;
    }

    @Override
    protected List<String> render(FtpFileSystem fs, Account account, String path) throws Exception {
        Instant now = Instant.now();
        FtpFile target = fs.stat(path);
        if (!target.isDirectory()) {
            return List.of(UnixListing.line(target, now));
        }
        return entries(fs, path).stream().map(f -> UnixListing.line(f, now)).toList();
    }
}
