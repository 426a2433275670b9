package org.ftpd.protocol.internal.command;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.listing.Fact;
import org.ftpd.protocol.internal.session.HashAlgorithm;

/**
 * OPTS (RFC 2389): {@code UTF8 ON} (always in force, RFC 2640), {@code MLST fact;fact;} (RFC 3659 7.9: the
 * facts MLSD and MLST show) and {@code HASH [algorithm]} (draft-bryan-ftpext-hash 3.2).
 */
final class OptsCommand extends BaseCommand {

    OptsCommand() {
        super("OPTS", null, false, "OPTS <SP> command [<SP> options] (set option for command).");
    }

    @Override
    public String feature() {
        return "UTF8";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        String trimmed = argument.trim();
        int space = trimmed.indexOf(' ');
        String command = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
        String options = space < 0 ? "" : trimmed.substring(space + 1).trim();
        return switch (command) {
            case "UTF8", "UTF-8" -> utf8(options);
            case "MLST" -> mlst(ctx, options);
            case "HASH" -> hash(ctx, options);
            default -> throw new ReplyException(501, "Invalid OPTS argument.");
        };
    }

    private static CompletionStage<FtpReply> utf8(String options) throws ReplyException {
        if (options.isEmpty() || options.equalsIgnoreCase("ON")) {
            return reply(200, "Always in UTF8 mode.");
        }
        throw new ReplyException(504, "Only UTF-8 is supported.");
    }

    private static CompletionStage<FtpReply> mlst(CommandContext ctx, String options) throws ReplyException {
        if (options.indexOf(' ') >= 0) {
            throw new ReplyException(501, "Invalid MLST options: facts are separated by ';' only.");
        }
        Set<Fact> selected = Fact.parseSelection(options);
        ctx.session().mlstFacts(selected);
        String list = Fact.list(ctx.session().mlstFacts());
        return reply(200, list.isEmpty() ? "MLST OPTS" : "MLST OPTS " + list);
    }

    private static CompletionStage<FtpReply> hash(CommandContext ctx, String options) throws ReplyException {
        if (!options.isEmpty()) {
            HashAlgorithm chosen = HashAlgorithm.named(options);
            if (chosen == null) {
                throw new ReplyException(501, "Unknown algorithm, current selection not changed.");
            }
            ctx.session().hashAlgorithm(chosen);
        }
        return reply(200, ctx.session().hashAlgorithm().ianaName());
    }
}
