package org.ftpd.protocol.internal.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.ftpd.api.FileDetail;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.ActiveDataTarget;
import org.ftpd.protocol.internal.data.Addresses;
import org.ftpd.protocol.internal.data.DataChannelSource;
import org.ftpd.protocol.internal.data.Transfer;
import org.ftpd.protocol.internal.listing.DirectoryListing;
import org.ftpd.protocol.internal.listing.UnixListing;
import org.ftpd.protocol.internal.session.FtpSession;
import org.ftpd.protocol.internal.session.TransferType;

/**
 * STAT (RFC 959): without an argument, 211 with the session's status, and during a transfer its progress (STAT
 * runs beside the transfer); with a path, 213 with its {@code ls -l} listing over the control connection (no
 * data connection, never a glob), at most {@link #MAX_LINES} entries so one reply stays bounded.
 */
final class StatCommand extends BaseCommand {

    static final int MAX_LINES = 10_000;

    StatCommand() {
        super("STAT", Permission.LIST, true, "STAT [<SP> path-name] (server stats [list files]).");
    }

    @Override
    public boolean runsDuringTransfer() {
        return true;
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        String path = ListCommand.withoutOptions(argument);
        if (path.isEmpty()) {
            return reply(FtpReply.of(211, status(ctx)));
        }
        return listing(ctx, path);
    }

    private static List<String> status(CommandContext ctx) {
        FtpSession s = ctx.session();
        List<String> lines = new ArrayList<>();
        lines.add("FTP server status:");
        lines.add(" Connected to " + Addresses.format(s.localAddress()));
        lines.add(" Connected from " + Addresses.format(s.remoteAddress()));
        lines.add(" Logged in as " + s.userName());
        if (s.clientName() != null) {
            lines.add(" Client: " + s.clientName());
        }
        lines.add(" TYPE: " + (s.type() == TransferType.ASCII ? "ASCII" : "Binary") + "; STRUcture: File; MODE: Stream");
        lines.add(" Control connection " + (s.secure() ? "protected by TLS" : "in plain text"));
        Transfer transfer = s.transfer();
        if (transfer != null) {
            lines.add(" Data connection open: " + describe(transfer.kind()) + " " + transfer.path());
            lines.add(String.format(Locale.ROOT, " %d bytes transferred in %.1f seconds", transfer.bytes(),
                    transfer.elapsed().toMillis() / 1000.0));
        } else if (ctx.transferCommandRunning()) {
            lines.add(" Data connection: being opened");
        } else {
            lines.add(" Data connection: " + describe(s.dataSource()));
        }
        lines.add("End of status.");
        return lines;
    }

    private static String describe(Transfer.Kind kind) {
        return switch (kind) {
            case DOWNLOAD -> "sending";
            case UPLOAD -> "receiving";
            case LISTING -> "listing";
        };
    }

    private static String describe(DataChannelSource source) {
        if (source == null) {
            return "none";
        }
        if (source instanceof ActiveDataTarget active) {
            return "will connect to " + Addresses.format(active.target());
        }
        return "passive, waiting for the client";
    }

    private static CompletionStage<FtpReply> listing(CommandContext ctx, String argument) throws ReplyException {
        FtpSession session = ctx.session();
        String path = PathCommand.resolve(session, argument);
        PathCommand.requirePermission(session, Permission.LIST, path);
        FtpFileSystem fs = session.fileSystem();
        Instant now = Instant.now();
        Function<FtpFile, String> format = f -> UnixListing.line(f, now);
        return ctx.blocking(() -> {
            FtpFile target = fs.stat(path);
            List<String> lines = new ArrayList<>();
            lines.add("Status of " + path + ":");
            try (DirectoryListing<FtpFile> listing = target.isDirectory() ? DirectoryListing.open(fs, path, FileDetail.FULL, format)
                    : DirectoryListing.of(target, format)) {
                lines.addAll(listing.nextLines(MAX_LINES));
                if (!listing.nextLines(1).isEmpty()) {
                    lines.add(" ... more than " + MAX_LINES + " entries; use LIST or MLSD for all of them.");
                }
            }
            lines.add("End of status.");
            return FtpReply.of(213, lines);
        });
    }
}
