package org.ftpd.protocol.internal.command;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.listing.MachineListing;

/**
 * MFMT (draft-somers-ftp-mfxx): sets a file's modification time, given in UTC as {@code YYYYMMDDHHMMSS} with
 * optional fractions, and answers {@code 213 Modify=<time>; <path>}. Permission {@code T}.
 */
final class MfmtCommand extends BaseCommand {

    /** The time, one space, the path (which may contain spaces). */
    private static final Pattern ARGUMENT = Pattern.compile("(\\d{14})(?:\\.(\\d{1,9}))? (.+)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    MfmtCommand() {
        super("MFMT", Permission.SET_TIME, true, "MFMT <SP> YYYYMMDDHHMMSS <SP> file-name (set file modification time).");
    }

    @Override
    public String feature() {
        return "MFMT";
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        requireArgument(argument);
        Matcher m = ARGUMENT.matcher(argument);
        if (!m.matches()) {
            throw new ReplyException(501, "Syntax: MFMT YYYYMMDDHHMMSS path.");
        }
        Instant time = parse(m.group(1), m.group(2));
        String path = PathCommand.resolve(ctx.session(), m.group(3));
        PathCommand.requirePermission(ctx.session(), Permission.SET_TIME, PathCommand.parentOf(path));
        FtpFileSystem fs = ctx.session().fileSystem();
        return ctx.blocking(() -> {
            if (!fs.stat(path).isFile()) {
                throw new ReplyException(550, quoted(path) + " is not a regular file.");
            }
            fs.setLastModified(path, time);
            return FtpReply.of(213, "Modify=" + MachineListing.TIME.format(time) + "; " + m.group(3));
        });
    }

    private static Instant parse(String seconds, String fraction) throws ReplyException {
        try {
            Instant whole = LocalDateTime.parse(seconds, TIME).toInstant(ZoneOffset.UTC);
            if (fraction == null) {
                return whole;
            }
            String nanos = (fraction + "000000000").substring(0, 9);
            return whole.plusNanos(Long.parseLong(nanos));
        } catch (DateTimeException e) {
            throw new ReplyException(501, "Invalid time: " + seconds + ".");
        }
    }
}
