package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;

/** CDUP / XCUP: enters the parent directory (the root stays the root). */
final class CdupCommand extends BaseCommand {

    CdupCommand(String verb) {
        super(verb, Permission.CHANGE_DIR, true, verb + " (go to parent directory).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        String path = PathCommand.resolve(ctx.session(), "..");
        PathCommand.requirePermission(ctx.session(), Permission.CHANGE_DIR, path);
        return CwdCommand.change(ctx, path);
    }
}
