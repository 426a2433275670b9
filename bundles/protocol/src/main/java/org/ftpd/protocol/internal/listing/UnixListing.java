package org.ftpd.protocol.internal.listing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.ftpd.api.FtpFile;

/** LIST lines in the {@code ls -l} form every client parses; times in UTC. */
public final class UnixListing {

    /** For the years a four-digit field cannot hold as ls shows them (before 1, after 9999). */
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** Like ls: a time more than about six months away shows the year instead of the clock. */
    private static final long RECENT_SECONDS = 180L * 24 * 60 * 60;
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private UnixListing() {
    }

    public static String line(FtpFile file, Instant now) {
        String owner = file.owner() == null ? "owner" : file.owner();
        String group = file.group() == null ? "group" : file.group();
        Instant time = file.lastModified() == null ? Instant.EPOCH : file.lastModified();
        boolean recent = Math.abs(now.getEpochSecond() - time.getEpochSecond()) < RECENT_SECONDS;
        // built by hand rather than with String.format: a listing of a big directory makes many of these
        StringBuilder sb = new StringBuilder(64 + file.name().length());
        sb.append(modeString(file)).append(' ');
        padLeft(sb, Integer.toString(Math.max(1, file.linkCount())), 3).append(' ');
        padRight(sb, owner, 8).append(' ');
        padRight(sb, group, 8).append(' ');
        padLeft(sb, Long.toString(file.size()), 8).append(' ');
        appendTime(sb, time, recent);
        return sb.append(' ').append(file.name()).toString();
    }

    /**
     * {@code MMM dd HH:mm}, or {@code MMM dd  yyyy} when not recent, in UTC: by hand, as a formatter costs a
     * listing of 10,000 entries about a twentieth of its CPU. Years before 1 (printed as years of an era) and
     * past 9999 are left to the formatter.
     */
    static void appendTime(StringBuilder sb, Instant time, boolean recent) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (!recent && (year < 1 || year > 9999)) {
            OLD.formatTo(time, sb);
            return;
        }
        sb.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        twoDigits(sb, t.getDayOfMonth());
        if (recent) {
            sb.append(' ');
            twoDigits(sb, t.getHour());
            sb.append(':');
            twoDigits(sb, t.getMinute());
        } else {
            sb.append("  ");
            twoDigits(sb, year / 100);
            twoDigits(sb, year % 100);
        }
    }

    private static void twoDigits(StringBuilder sb, int value) {
        sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static StringBuilder padLeft(StringBuilder sb, String text, int width) {
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(text);
    }

    private static StringBuilder padRight(StringBuilder sb, String text, int width) {
        sb.append(text);
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    static String modeString(FtpFile file) {
        char type = switch (file.type()) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FILE -> '-';
            case OTHER -> '-';
        };
        int mode = file.mode();
        if (mode < 0) {
            mode = file.isDirectory() ? 0755 : 0644;
        }
        StringBuilder sb = new StringBuilder(10).append(type);
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return sb.toString();
    }
}
