package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.api.UploadChannel;
import org.ftpd.api.WriteMode;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.FileReceiver;
import org.ftpd.protocol.internal.session.TransferType;

/** STOR (replace, or resume at the REST offset; permission {@code w}) and APPE (append; permission {@code a}). */
final class StorCommand extends PathCommand {

    private final WriteMode mode;

    StorCommand(String verb, WriteMode mode) {
        super(verb, mode == WriteMode.APPEND ? Permission.APPEND : Permission.WRITE,
                verb + " <SP> file-name (" + (mode == WriteMode.APPEND ? "append data to" : "store") + " a file).");
        this.mode = mode;
    }

    @Override
    public boolean transfersData() {
        return true;
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException {
        long offset = ctx.session().takeRestartOffset();
        if (mode == WriteMode.APPEND && offset > 0) {
            throw new ReplyException(550, "Can't APPE while a REST request is pending.");
        }
        WriteMode how = offset > 0 ? WriteMode.RESUME : mode;
        DataTransfers.require(ctx);
        FtpFileSystem fs = ctx.session().fileSystem();
        boolean ascii = ctx.session().type() == TransferType.ASCII;
        return ctx.blocking(() -> fs.openForWrite(path, how, offset)).thenCompose(file -> DataTransfers.run(ctx,
                FtpReply.of(150, "File status okay. About to open data connection."),
                channel -> new FileReceiver(ctx, channel, path, file, ascii),
                DataTransfers.closing(ctx, () -> UploadChannel.abort(file))));
    }
}
