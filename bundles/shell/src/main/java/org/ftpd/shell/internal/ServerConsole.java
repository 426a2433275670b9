package org.ftpd.shell.internal;

import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.ftpd.api.FtpServerControl;
import org.ftpd.api.LiveSession;
import org.ftpd.api.ServerCounters;

/** How ftp:status and ftp:sessions print what {@link FtpServerControl} tells (testable without a console). */
final class ServerConsole {

    static final String NOT_RUNNING = "The FTP server is not running (no FtpServerControl service: is feature "
            + "pyftpd-java installed and etc/org.ftpd.cfg valid? see the log).";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ServerConsole() {
    }

    static void printStatus(FtpServerControl control, PrintStream out, Instant now) {
        List<InetSocketAddress> addresses = control.listenAddresses();
        ServerCounters c = control.counters();
        Instant since = control.runningSince();
        row(out, "Listening", addresses.stream().map(ServerConsole::address).collect(Collectors.joining(", ")));
        row(out, "Running since", since == null ? "-"
                : SINCE.format(since.atZone(ZoneId.systemDefault())) + " (up " + duration(Duration.between(since, now))
                        + ")");
        row(out, "Sessions current", c.sessionsCurrent());
        row(out, "Sessions total", c.sessionsTotal());
        row(out, "Connections refused", c.connectionsRefused());
        row(out, "Logins succeeded", c.loginsSucceeded());
        row(out, "Logins failed", c.loginsFailed());
        row(out, "Bytes in", c.bytesIn());
        row(out, "Bytes out", c.bytesOut());
        row(out, "Files received", c.filesReceived());
        row(out, "Files sent", c.filesSent());
        row(out, "Transfers aborted", c.transfersAborted());
        row(out, "Transfers failed", c.transfersFailed());
        row(out, "Error replies", c.errorReplies());
        row(out, "Internal errors", c.internalErrors());
    }

    private static void row(PrintStream out, String name, Object value) {
        out.printf("%-20s %s%n", name, value);
    }

    static void printSessions(List<LiveSession> sessions, PrintStream out) {
        out.printf("%-6s %-16s %-40s %-19s %-8s %s%n", "Id", "User", "Remote", "Since", "Idle", "Transfer");
        for (LiveSession s : sessions) {
            String user = s.session().userName();
            out.printf("%-6s %-16s %-40s %-19s %-8s %s%n", s.session().id(), user == null ? "-" : user,
                    address(s.session().remoteAddress()) + (s.session().secure() ? " (TLS)" : ""),
                    SINCE.format(s.session().connectedAt().atZone(ZoneId.systemDefault())), duration(s.idle()),
                    transfer(s.transfer()));
        }
        out.println(sessions.size() + (sessions.size() == 1 ? " session" : " sessions"));
    }

    private static String transfer(LiveSession.LiveTransfer t) {
        if (t == null) {
            return "-";
        }
        String verb = switch (t.direction()) {
            case DOWNLOAD -> "sending";
            case UPLOAD -> "receiving";
            case LISTING -> "listing";
        };
        return verb + " " + t.path() + " (" + t.bytes() + " bytes, " + duration(t.elapsed()) + ")";
    }

    /** 42s, 5m03s, 2h05m, 3d04h: short and exact enough for a table. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3600);
    }

    static String address(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
