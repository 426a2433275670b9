package org.ftpd.protocol.internal.command;

import java.nio.file.InvalidPathException;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.FtpSession;

/**
 * A command on one path: resolves the argument against the current directory and checks the declared
 * permission in the directory that decides it (for most commands, the target's parent).
 */
public abstract class PathCommand extends BaseCommand {

    protected PathCommand(String verb, Permission permission, String help) {
        super(verb, permission, true, help);
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        if (argumentRequired()) {
            requireArgument(argument);
        }
        String path = resolve(ctx.session(), argument);
        if (permission() != null) {
            requirePermission(ctx.session(), permission(), permissionDirectory(path));
        }
        return execute(ctx, path, argument);
    }

    /** Runs the command on the resolved virtual path. */
    protected abstract CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException;

    protected boolean argumentRequired() {
        return true;
    }

    /** The directory whose permissions decide; the target's parent unless overridden. */
    protected String permissionDirectory(String path) {
        return parentOf(path);
    }

    public static String resolve(FtpSession session, String argument) throws ReplyException {
        try {
            return session.fileSystem().resolve(session.cwd(), argument);
        } catch (InvalidPathException e) {
            throw new ReplyException(553, "File name not allowed.");
        }
    }

    public static void requirePermission(FtpSession session, Permission permission, String directory)
            throws ReplyException {
        if (!session.account().permissionsIn(directory).has(permission)) {
            throw new ReplyException(550, "Permission denied.");
        }
    }

    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    public static String nameOf(String path) {
        int slash = path.lastIndexOf('/');
        return path.length() == 1 ? "/" : path.substring(slash + 1);
    }
}
