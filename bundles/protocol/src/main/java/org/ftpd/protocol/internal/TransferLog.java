package org.ftpd.protocol.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.TransferInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per finished or broken-off file transfer on the logger {@value #LOGGER}, in wu-ftpd's xferlog layout,
 * so that the usual xferlog tools read it:
 *
 * <pre>
 * current-time transfer-time remote-host bytes filename type(a|b) _ direction(o|i) access(a|r) user ftp 0 * status(c|i)
 * </pre>
 *
 * The time is local, ctime-style; the transfer time is in whole seconds (at least 1); whitespace and control
 * characters in the file name become {@code _} so that the fields stay apart. Nothing is formatted unless the
 * logger is enabled at INFO.
 */
public final class TransferLog {

    /** The logger's name: route it to a file of its own in the logging configuration. */
    public static final String LOGGER = "org.ftpd.xferlog";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ROOT);

    private TransferLog() {
    }

    /** Logs a finished transfer of {@code session} (a download when {@code upload} is false). */
    public static void record(SessionInfo session, TransferInfo transfer, boolean upload, boolean ascii) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(ZonedDateTime.now(), session.remoteAddress().getAddress().getHostAddress(),
                    session.userName(), transfer, upload, ascii));
        }
    }

    /** The xferlog line for a transfer that ended at {@code end}. */
    static String line(ZonedDateTime end, String remoteHost, String user, TransferInfo transfer, boolean upload,
            boolean ascii) {
        String name = user == null ? "*" : user;
        boolean anonymous = name.equalsIgnoreCase("anonymous") || name.equalsIgnoreCase("ftp");
        return CTIME.format(end) + ' ' + seconds(transfer.duration()) + ' ' + remoteHost + ' ' + transfer.bytes()
                + ' ' + field(transfer.path()) + ' ' + (ascii ? 'a' : 'b') + " _ " + (upload ? 'i' : 'o') + ' '
                + (anonymous ? 'a' : 'r') + ' ' + field(name) + " ftp 0 * " + (transfer.complete() ? 'c' : 'i');
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 500) / 1000);
    }

    /** The text with every whitespace or control character replaced by {@code _}. */
    private static String field(String text) {
        if (text == null || text.isEmpty()) {
            return "_";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                b.setCharAt(i, '_');
            }
        }
        return b == null ? text : b.toString();
    }
}
