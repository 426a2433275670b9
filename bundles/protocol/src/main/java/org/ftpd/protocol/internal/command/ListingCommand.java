package org.ftpd.protocol.internal.command;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ftpd.api.Account;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.ListingSender;

/**
 * LIST, NLST, MLSD: the listing is built off the loop (one CRLF-terminated line per entry, whatever the TYPE),
 * then sent over the data connection. Permission {@code l} in the listed directory.
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
        Account account = ctx.session().account();
        return ctx.blocking(() -> render(fs, account, path)).thenCompose(lines -> {
            byte[] bytes = lines.stream().map(l -> l + "\r\n").collect(Collectors.joining())
                    .getBytes(StandardCharsets.UTF_8);
            return DataTransfers.run(ctx, OPENING,
                    channel -> new ListingSender(ctx, channel, path, Unpooled.wrappedBuffer(bytes)), () -> { });
        });
    }

    /** The lines of the listing (runs off the loop). */
    protected abstract List<String> render(FtpFileSystem fs, Account account, String path) throws Exception;

    /** The entries of a directory, sorted by name. */
    protected static List<FtpFile> entries(FtpFileSystem fs, String directory) throws IOException {
        try (Stream<FtpFile> stream = fs.list(directory)) {
            return stream.sorted(Comparator.comparing(FtpFile::name)).toList();
        }
    }
}
