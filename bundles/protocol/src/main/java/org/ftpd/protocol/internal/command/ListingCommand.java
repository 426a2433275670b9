package org.ftpd.protocol.internal.command;

import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.ftpd.api.FileDetail;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.ListingSender;
import org.ftpd.protocol.internal.listing.DirectoryListing;
import org.ftpd.protocol.internal.session.FtpSession;

/**
 * LIST, NLST, MLSD: the target is checked and the directory opened off the loop (so a missing directory is
 * answered 550 before any 150), then the lines are streamed over the data connection as they are read, one
 * CRLF-terminated line per entry whatever the TYPE. Permission {@code l} in the listed directory.
 */
abstract class ListingCommand extends PathCommand {

    private static final FtpReply OPENING = FtpReply.of(150, "Here comes the directory listing.");

    ListingCommand(String verb, String help) {
        super(verb, Permission.LIST, help);
    }

    @Override
    public boolean transfersData() {
        return true;
    }

    @Override
    protected boolean argumentRequired() {
        return false;
    }

    @Override
    protected String permissionDirectory(String path) {
        return path;
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException {
        DataTransfers.require(ctx);
        FtpFileSystem fs = ctx.session().fileSystem();
        // the line format reads session state (facts, permissions): build it here, on the loop
        Function<FtpFile, String> format = format(ctx.session(), path);
        FileDetail detail = detail(ctx.session());
        return ctx.blocking(() -> open(fs, path, detail, format)).thenCompose(listing -> DataTransfers.run(ctx, OPENING,
                channel -> new ListingSender(ctx, channel, path, listing), DataTransfers.closing(ctx, listing)));
    }

    /** Opens the listing of {@code path} (off the loop). */
    private DirectoryListing<?> open(FtpFileSystem fs, String path, FileDetail detail,
            Function<FtpFile, String> format) throws Exception {
        FtpFile target = fs.stat(path);
        if (!target.isDirectory()) {
            return ofFile(target, format);
        }
        return ofDirectory(fs, path, detail, format);
    }

    /** The listing of a directory: a line per entry, in {@code format}. */
    protected DirectoryListing<?> ofDirectory(FtpFileSystem fs, String path, FileDetail detail,
            Function<FtpFile, String> format) throws IOException {
        return DirectoryListing.open(fs, path, detail, format);
    }

    /** How each entry of a listing of {@code path} is written. */
    protected abstract Function<FtpFile, String> format(FtpSession session, String path);

    /** How much of each entry {@link #format} prints: all of it ({@code ls -l}) unless a command says less. */
    protected FileDetail detail(FtpSession session) {
        return FileDetail.FULL;
    }

    /** The listing when the target is not a directory: the file's own line, unless the command refuses. */
    protected DirectoryListing<?> ofFile(FtpFile file, Function<FtpFile, String> format) throws ReplyException {
        return DirectoryListing.of(file, format);
    }
}
