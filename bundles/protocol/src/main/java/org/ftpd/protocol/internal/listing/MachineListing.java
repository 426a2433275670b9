package org.ftpd.protocol.internal.listing;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.ftpd.api.FtpFile;
import org.ftpd.api.Permission;
import org.ftpd.api.Permissions;

/**
 * MLSD/MLST fact lines (RFC 3659): {@code type=file;size=3;modify=...;perm=...; name}, with the facts the
 * session selected (OPTS MLST). A fact the filesystem has no value for is left out of that entry.
 */
public final class MachineListing {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    // "type=", "size=", ... and the type values, by ordinal: written as they are into every line
    private static final byte[][] PREFIXES = Arrays.stream(Fact.values())
            .map(f -> ascii(f.factName() + "=")).toArray(byte[][]::new);
    private static final byte[][] TYPES = Arrays.stream(FtpFile.Type.values())
            .map(t -> ascii(type(t))).toArray(byte[][]::new);

    private MachineListing() {
    }

    /** The FEAT line: every fact offered, the selected ones marked with {@code *} (RFC 3659 section 7.8). */
    public static String feature(Set<Fact> selected) {
        StringBuilder sb = new StringBuilder("MLST ");
        for (Fact f : Fact.values()) {
            sb.append(f.factName()).append(selected.contains(f) ? "*;" : ";");
        }
        return sb.toString();
    }

    /**
     * @param permissions what the user may do in the directory holding {@code file}
     * @param name the name to print after the facts (the entry name for MLSD, the path for MLST)
     * @param facts the facts to show
     */
    public static String line(FtpFile file, Permissions permissions, String name, Set<Fact> facts) {
        LineBytes line = new LineBytes();
        write(line, file, name, facts.toArray(new Fact[0]), ascii(perm(file.isDirectory(), permissions)));
        return line.toString();
    }

    /**
     * MLSD's line for each entry of one directory, named by its entry name. The {@code perm} values are the same
     * for every file (and for every directory) of a listing, so they are made once, not per entry. The writer
     * reuses one line buffer: it serves one listing, read by one thread at a time.
     *
     * @param permissions what the user may do in the listed directory
     */
    public static LineWriter<FtpFile> entries(Permissions permissions, Set<Fact> facts) {
        Fact[] selected = facts.toArray(new Fact[0]);
        byte[] ofFile = ascii(perm(false, permissions));
        byte[] ofDirectory = ascii(perm(true, permissions));
        LineBytes line = new LineBytes();
        return new LineWriter<>() {
            @Override
            public String apply(FtpFile f) {
                return fill(f).toString();
            }

            @Override
            public void write(FtpFile f, ByteBuf out) {
                fill(f).writeTo(out);
            }

            private LineBytes fill(FtpFile f) {
                MachineListing.write(line.clear(), f, f.name(), selected, f.isDirectory() ? ofDirectory : ofFile);
                return line;
            }
        };
    }

    private static void write(LineBytes line, FtpFile file, String name, Fact[] facts, byte[] perm) {
        for (Fact fact : facts) {
            int mark = line.length();
            line.bytes(PREFIXES[fact.ordinal()]);
            if (value(line, fact, file, perm)) {
                line.ascii(';');
            } else {
                // no value for this entry: the fact is left out
                line.truncate(mark);
            }
        }
        line.ascii(' ').text(name);
    }

    /** Adds the fact's value; false when the filesystem has none for this entry. */
    private static boolean value(LineBytes line, Fact fact, FtpFile file, byte[] perm) {
        switch (fact) {
            case TYPE -> line.bytes(TYPES[file.type().ordinal()]);
            case SIZE -> line.decimal(file.size());
            case MODIFY -> {
                if (file.lastModified() == null) {
                    return false;
                }
                timestamp(line, file.lastModified());
            }
            case PERM -> line.bytes(perm);
            case UNIQUE -> {
                return file.uniqueId() != null && text(line, factValue(file.uniqueId()));
            }
            case UNIX_MODE -> {
                return file.mode() >= 0 && text(line, "0" + Integer.toOctalString(file.mode() & 07777));
            }
            case UNIX_UID -> {
                return file.uid() >= 0 ? text(line, Integer.toString(file.uid()))
                        : isNumber(file.owner()) && text(line, file.owner());
            }
            case UNIX_GID -> {
                return file.gid() >= 0 ? text(line, Integer.toString(file.gid()))
                        : isNumber(file.group()) && text(line, file.group());
            }
            case UNIX_OWNER -> {
                return isName(file.owner()) && isPlain(file.owner()) && text(line, file.owner());
            }
            case UNIX_GROUP -> {
                return isName(file.group()) && isPlain(file.group()) && text(line, file.group());
            }
        }
        return true;
    }

    private static boolean text(LineBytes line, String value) {
        line.text(value);
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 3659 types; a link the filesystem did not resolve is {@code OS.unix=slink} (section 7.5.1). */
    private static String type(FtpFile.Type type) {
        return switch (type) {
            case DIRECTORY -> "dir";
            case FILE -> "file";
            case SYMLINK -> "OS.unix=slink";
            case OTHER -> "OS.unix=special";
        };
    }

    /** RFC 3659 perm letters, for a directory or anything else, from the account's permission letters. */
    static String perm(boolean directory, Permissions p) {
        StringBuilder sb = new StringBuilder();
        if (directory) {
            append(sb, p.has(Permission.CHANGE_DIR), 'e');
            append(sb, p.has(Permission.LIST), 'l');
            append(sb, p.has(Permission.WRITE), 'c');
            append(sb, p.has(Permission.MAKE_DIR), 'm');
            append(sb, p.has(Permission.DELETE), 'd');
            append(sb, p.has(Permission.RENAME), 'f');
            append(sb, p.has(Permission.DELETE), 'p');
        } else {
            append(sb, p.has(Permission.RETRIEVE), 'r');
            append(sb, p.has(Permission.APPEND), 'a');
            append(sb, p.has(Permission.WRITE), 'w');
            append(sb, p.has(Permission.DELETE), 'd');
            append(sb, p.has(Permission.RENAME), 'f');
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, boolean granted, char letter) {
        if (granted) {
            sb.append(letter);
        }
    }

    /**
     * A fact value made of RFC 3659's RCHARs only: an identifier such as {@code (dev=803,ino=12)} would break
     * parsers at its {@code =}, so such values go as hex of their bytes (still stable and unique).
     */
    static String factValue(String value) {
        if (isPlain(value)) {
            return value;
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    /** Whether a value is made of RCHARs only, so it can go into a fact as it is. */
    private static boolean isPlain(String value) {
        if (value.isEmpty()) {
            return false;
        }
        // plain loops: this runs for several facts of every entry of a listing
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 127 || !(Character.isLetterOrDigit(c) || ",.:!@#$%^&()-_+?/\\'\"".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code YYYYMMDDHHMMSS} in UTC, as {@link #TIME} prints it. */
    static String timestamp(Instant instant) {
        LineBytes line = new LineBytes();
        timestamp(line, instant);
        return line.toString();
    }

    /** The timestamp without a formatter per entry (years 0 to 9999; the formatter does the others). */
    private static void timestamp(LineBytes line, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            line.text(TIME.format(instant));
            return;
        }
        line.digits(year, 4).digits(t.getMonthValue(), 2).digits(t.getDayOfMonth(), 2).digits(t.getHour(), 2)
                .digits(t.getMinute(), 2).digits(t.getSecond(), 2);
    }

    private static boolean isName(String s) {
        return s != null && !s.isEmpty() && !isNumber(s);
    }
}
