package org.ftpd.protocol.internal.listing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.ftpd.api.FtpFile;

/** LIST lines in the {@code ls -l} form every client parses; times in UTC. */
public final class UnixListing {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** Like ls: a time more than about six months away shows the year instead of the clock. */
    private static final Duration RECENT_WINDOW = Duration.ofDays(180);

    private UnixListing() {
    }

    public static String line(FtpFile file, Instant now) {
        String owner = file.owner() == null ? "owner" : file.owner();
        String group = file.group() == null ? "group" : file.group();
        Instant time = file.lastModified() == null ? Instant.EPOCH : file.lastModified();
        boolean recent = Duration.between(time, now).abs().compareTo(RECENT_WINDOW) < 0;
        // built by hand rather than with String.format: a listing of a big directory makes many of these
        StringBuilder sb = new StringBuilder(64 + file.name().length());
        sb.append(modeString(file)).append(' ');
        padLeft(sb, Integer.toString(Math.max(1, file.linkCount())), 3).append(' ');
        padRight(sb, owner, 8).append(' ');
        padRight(sb, group, 8).append(' ');
        padLeft(sb, Long.toString(file.size()), 8).append(' ');
        (recent ? RECENT : OLD).formatTo(time, sb);
        return sb.append(' ').append(file.name()).toString();
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
