package org.ftpd.protocol.internal.listing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
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
        return line(file, name, facts.toArray(new Fact[0]), perm(file.isDirectory(), permissions));
    }

    /**
     * MLSD's line for each entry of one directory, named by its entry name. The {@code perm} values are the same
     * for every file (and for every directory) of a listing, so they are made once, not per entry.
     *
     * @param permissions what the user may do in the listed directory
     */
    public static Function<FtpFile, String> entries(Permissions permissions, Set<Fact> facts) {
        Fact[] selected = facts.toArray(new Fact[0]);
        String ofFile = perm(false, permissions);
        String ofDirectory = perm(true, permissions);
        return f -> line(f, f.name(), selected, f.isDirectory() ? ofDirectory : ofFile);
    }

    private static String line(FtpFile file, String name, Fact[] facts, String perm) {
        StringBuilder sb = new StringBuilder(160);
        for (Fact fact : facts) {
            String value = value(fact, file, perm);
            if (value != null) {
                sb.append(fact.factName()).append('=').append(value).append(';');
            }
        }
        return sb.append(' ').append(name).toString();
    }

    private static String value(Fact fact, FtpFile file, String perm) {
        return switch (fact) {
            case TYPE -> type(file);
            case SIZE -> Long.toString(file.size());
            case MODIFY -> file.lastModified() == null ? null : timestamp(file.lastModified());
            case PERM -> perm;
            case UNIQUE -> file.uniqueId() == null ? null : factValue(file.uniqueId());
            case UNIX_MODE -> file.mode() < 0 ? null : "0" + Integer.toOctalString(file.mode() & 07777);
            case UNIX_UID -> file.uid() >= 0 ? Integer.toString(file.uid()) : isNumber(file.owner()) ? file.owner() : null;
            case UNIX_GID -> file.gid() >= 0 ? Integer.toString(file.gid()) : isNumber(file.group()) ? file.group() : null;
            case UNIX_OWNER -> isName(file.owner()) && isPlain(file.owner()) ? file.owner() : null;
            case UNIX_GROUP -> isName(file.group()) && isPlain(file.group()) ? file.group() : null;
        };
    }

    /** RFC 3659 types; a link the filesystem did not resolve is {@code OS.unix=slink} (section 7.5.1). */
    private static String type(FtpFile file) {
        return switch (file.type()) {
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
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
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

    /** {@code YYYYMMDDHHMMSS} in UTC, as {@link #TIME} prints it, without a formatter per entry. */
    static String timestamp(java.time.Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return TIME.format(instant);
        }
        char[] out = new char[14];
        put(out, 0, year, 4);
        put(out, 4, t.getMonthValue(), 2);
        put(out, 6, t.getDayOfMonth(), 2);
        put(out, 8, t.getHour(), 2);
        put(out, 10, t.getMinute(), 2);
        put(out, 12, t.getSecond(), 2);
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static boolean isName(String s) {
        return s != null && !s.isEmpty() && !isNumber(s);
    }
}
