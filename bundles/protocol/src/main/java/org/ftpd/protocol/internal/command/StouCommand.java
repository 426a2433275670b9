package org.ftpd.protocol.internal.command;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.security.SecureRandom;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.api.UploadChannel;
import org.ftpd.api.WriteMode;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.FileReceiver;
import org.ftpd.protocol.internal.session.FtpSession;
import org.ftpd.protocol.internal.session.TransferType;

/**
 * STOU: stores under a name no file has yet, in the current directory, or beside the path given (whose name
 * becomes the prefix). The name goes in the preliminary reply, {@code 150 FILE: <name>} (RFC 1123 4.1.2.9),
 * and the file is created exclusively, so two uploads never share a name. Permission {@code w}.
 */
final class StouCommand extends BaseCommand {

    private static final int ATTEMPTS = 16;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The new file, opened for writing. */
    private record Created(String path, SeekableByteChannel channel) {
    }

    StouCommand() {
        super("STOU", Permission.WRITE, true, "STOU [<SP> name] (store a file with a unique name).");
    }

    @Override
    public boolean transfersData() {
        return true;
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        FtpSession session = ctx.session();
        if (session.takeRestartOffset() > 0) {
            throw new ReplyException(450, "Can't STOU while a REST request is pending.");
        }
        String directory;
        String prefix;
        if (argument.isBlank()) {
            directory = session.cwd();
            prefix = "ftpd.";
        } else {
            String path = PathCommand.resolve(session, argument);
            if (path.equals("/")) {
                throw new ReplyException(553, "File name not allowed.");
            }
            directory = PathCommand.parentOf(path);
            prefix = PathCommand.nameOf(path) + ".";
        }
        PathCommand.requirePermission(session, Permission.WRITE, directory);
        DataTransfers.require(ctx);
        FtpFileSystem fs = session.fileSystem();
        boolean ascii = session.type() == TransferType.ASCII;
        return ctx.blocking(() -> create(fs, directory, prefix)).thenCompose(created -> DataTransfers.run(ctx,
                FtpReply.of(150, "FILE: " + PathCommand.nameOf(created.path())),
                channel -> new FileReceiver(ctx, channel, created.path(), created.channel(), ascii),
                DataTransfers.closing(ctx, () -> UploadChannel.abort(created.channel()))));
    }

    /** Creates a file that did not exist, trying fresh random names (off the loop). */
    private static Created create(FtpFileSystem fs, String directory, String prefix) throws Exception {
        if (!fs.stat(directory).isDirectory()) {
            throw new ReplyException(550, "Not a directory.");
        }
        String base = directory.equals("/") ? "/" : directory + "/";
        for (int i = 0; i < ATTEMPTS; i++) {
            String path = base + prefix + randomSuffix();
            try {
                return new Created(path, fs.openForWrite(path, WriteMode.CREATE_NEW, 0));
            } catch (FileAlreadyExistsException e) {
                // taken meanwhile: draw again
            }
        }
        throw new ReplyException(450, "Can't find a unique file name; try again.");
    }

    private static String randomSuffix() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }
}
