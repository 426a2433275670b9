package org.ftpd.protocol.internal.command;

import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ftpd.api.FtpFile;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.listing.UnixListing;
import org.ftpd.protocol.internal.session.FtpSession;

/**
 * LIST: {@code ls -l} lines. Leading {@code ls} options such as {@code -a}, {@code -l}, {@code -la} (which
 * clients send out of habit) are accepted and ignored; the argument is a path, never a glob pattern.
 */
final class ListCommand extends ListingCommand {

    /** One option word: a dash and letters, then a space or the end (linear-time match). */
    private static final Pattern OPTION = Pattern.compile("-[A-Za-z]+(?:\\s+|$)");

    ListCommand() {
        super("LIST", "LIST [<SP> path] (list files).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        return super.execute(ctx, withoutOptions(argument));
    }

    static String withoutOptions(String argument) {
        String rest = argument.stripLeading();
        java.util.regex.Matcher m = OPTION.matcher(rest);
        while (m.lookingAt()) {
            rest = rest.substring(m.end());
            m = OPTION.matcher(rest);
        }
        return rest;
    }

    @Override
    protected Function<FtpFile, String> format(FtpSession session, String path) {
        Instant now = Instant.now();
        return f -> UnixListing.line(f, now);
    }
}
