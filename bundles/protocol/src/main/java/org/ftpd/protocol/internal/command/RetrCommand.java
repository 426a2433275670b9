package org.ftpd.protocol.internal.command;

import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.FileSender;
import org.ftpd.protocol.internal.session.TransferType;

/** RETR: sends a file, from the REST offset if one was given. */
final class RetrCommand extends PathCommand {

    RetrCommand() {
        super("RETR", Permission.RETRIEVE, "RETR <SP> file-name (retrieve a file).");
    }

    @Override
    public boolean transfersData() {
        return true;
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException {
        long offset = ctx.session().takeRestartOffset();
        DataTransfers.require(ctx);
        FtpFileSystem fs = ctx.session().fileSystem();
        boolean ascii = ctx.session().type() == TransferType.ASCII;
        return ctx.blocking(() -> open(fs, path, offset)).thenCompose(file -> DataTransfers.run(ctx,
                FtpReply.of(150, "File status okay. About to open data connection."),
                channel -> new FileSender(ctx, channel, path, file, ascii), DataTransfers.closing(ctx, file)));
    }

    /** The filesystem refuses what is not a regular file; the size comes from the open file, not a second lookup. */
    private static SeekableByteChannel open(FtpFileSystem fs, String path, long offset) throws Exception {
        SeekableByteChannel channel = fs.openForRead(path, offset);
        try {
            if (offset > channel.size()) {
                throw new ReplyException(554, "Invalid REST parameter: beyond the end of the file.");
            }
            return channel;
        } catch (Exception e) {
            channel.close();
            throw e;
        }
    }
}
