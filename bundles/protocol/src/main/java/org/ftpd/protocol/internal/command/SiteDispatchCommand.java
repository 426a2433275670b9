package org.ftpd.protocol.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.SiteCommand;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.FtpSession;

/**
 * SITE: the built-in {@code SITE CHMOD} and {@code SITE HELP}, then the {@link SiteCommand} extensions the server
 * was given (by name, case-insensitive; they cannot replace a built-in). Extensions run off the loop and need a
 * login; {@code SITE HELP} does not.
 */
final class SiteDispatchCommand extends BaseCommand {

    private static final Map<String, String> BUILT_IN_HELP = Map.of(
            "CHMOD", "SITE CHMOD <SP> mode <SP> path (change file mode).",
            "HELP", "SITE HELP [<SP> cmd] (show SITE command help).");

    /** The SITE verbs answered here before any extension is looked at. */
    static final Set<String> BUILT_IN = BUILT_IN_HELP.keySet();

    SiteDispatchCommand() {
        super("SITE", null, false, "SITE <SP> site-command (execute SITE command).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        String trimmed = argument.trim();
        int space = trimmed.indexOf(' ');
        String name = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : trimmed.substring(space + 1).trim();
        if (name.equals("HELP")) {
            return help(ctx, rest);
        }
        FtpSession session = ctx.session();
        if (!session.loggedIn()) {
            throw new ReplyException(530, "Log in with USER and PASS first.");
        }
        if (name.equals("CHMOD")) {
            return SiteChmod.execute(ctx, rest);
        }
        SiteCommand extension = ctx.server().siteCommand(name);
        if (extension == null) {
            throw new ReplyException(500, "Command SITE " + printable(name) + " not understood.");
        }
        SessionInfo facts = session.snapshot();
        return ctx.blocking(() -> {
            SiteCommand.Reply r = extension.execute(facts, rest);
            if (r == null) {
                throw new IllegalStateException("SITE " + name + " returned no reply");
            }
            return FtpReply.of(r.code(), r.lines());
        });
    }

    private static CompletionStage<FtpReply> help(CommandContext ctx, String rest) throws ReplyException {
        Map<String, String> help = new TreeMap<>(BUILT_IN_HELP);
        ctx.server().siteCommands().forEach((name, command) -> help.putIfAbsent(name, helpLine(name, command)));
        if (!rest.isEmpty()) {
            String line = help.get(rest.toUpperCase(Locale.ROOT));
            if (line == null) {
                throw new ReplyException(501, "Unrecognized SITE command.");
            }
            return reply(214, "Syntax: " + line);
        }
        List<String> lines = new ArrayList<>();
        lines.add("The following SITE commands are recognized:");
        help.values().forEach(line -> lines.add(" " + line));
        lines.add("Help SITE command successful.");
        return reply(FtpReply.of(214, lines));
    }

    private static String helpLine(String name, SiteCommand command) {
        String text;
        try {
            text = command.help();
        } catch (RuntimeException e) {
            text = null;
        }
        return text == null || text.isBlank() ? "SITE " + name : text.strip();
    }

    private static String printable(String name) {
        return name.length() > 32 ? name.substring(0, 32) + "..." : name;
    }
}
