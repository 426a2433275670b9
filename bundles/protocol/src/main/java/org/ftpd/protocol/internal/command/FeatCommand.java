package org.ftpd.protocol.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;

/** FEAT (RFC 2389): the extensions the handlers declare, one per line, each indented by one space. */
final class FeatCommand extends BaseCommand {

    FeatCommand() {
        super("FEAT", null, false, "FEAT (list all new features supported).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) {
        List<String> lines = new ArrayList<>();
        lines.add("Features supported:");
        for (String feature : ctx.server().commands().features(ctx.session(), ctx.server())) {
            lines.add(" " + feature);
        }
        lines.add("End FEAT.");
        return reply(FtpReply.of(211, lines));
    }
}
