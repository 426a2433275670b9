package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.FtpSession;

/**
 * SITE CHMOD mode path: 3 or 4 octal digits. The set-user-id, set-group-id and sticky bits (a non-zero fourth
 * digit) are refused: an FTP user has no business making set-id files. Permission {@code M}.
 */
final class SiteChmod {

    private static final Pattern ARGUMENT = Pattern.compile("([0-7]{3,4}) (.+)");

    private SiteChmod() {
    }

    static CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        Matcher m = ARGUMENT.matcher(argument);
        if (!m.matches()) {
            throw new ReplyException(501, "Syntax: SITE CHMOD <mode: 3 or 4 octal digits> <path>.");
        }
        int mode = Integer.parseInt(m.group(1), 8);
        if (mode > 0777) {
            throw new ReplyException(550, "Set-id and sticky bits can't be set.");
        }
        FtpSession session = ctx.session();
        String path = PathCommand.resolve(session, m.group(2));
        PathCommand.requirePermission(session, Permission.CHMOD, PathCommand.parentOf(path));
        FtpFileSystem fs = session.fileSystem();
        return ctx.blocking(() -> {
            fs.stat(path);
            try {
                fs.setPermissions(path, mode);
            } catch (UnsupportedOperationException e) {
                throw new ReplyException(550, "This filesystem has no file modes.");
            }
            return FtpReply.of(200, "SITE CHMOD successful.");
        });
    }
}
