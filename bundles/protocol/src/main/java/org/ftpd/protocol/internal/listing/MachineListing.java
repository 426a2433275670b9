package org.ftpd.protocol.internal.listing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.ftpd.api.FtpFile;
import org.ftpd.api.Permission;
import org.ftpd.api.Permissions;

/** MLSD/MLST fact lines (RFC 3659): {@code type=file;size=3;modify=...;perm=...; name}. */
public final class MachineListing {

    /** The facts offered, as FEAT announces them (all are sent by default). */
    public static final String FEATURE = "MLST type*;size*;modify*;perm*;unique*;unix.mode*;unix.uid*;unix.gid*;";

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MachineListing() {
    }

    /**
     * @param permissions what the user may do in the directory holding {@code file}
     * @param name the name to print after the facts (the entry name for MLSD, the path for MLST)
     */
    public static String line(FtpFile file, Permissions permissions, String name) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("type=").append(file.isDirectory() ? "dir" : file.isFile() ? "file" : "OS.unix=other").append(';');
        sb.append("size=").append(file.size()).append(';');
        if (file.lastModified() != null) {
            sb.append("modify=").append(TIME.format(file.lastModified())).append(';');
        }
        sb.append("perm=").append(perm(file, permissions)).append(';');
        if (file.uniqueId() != null) {
            sb.append("unique=").append(factValue(file.uniqueId())).append(';');
        }
        if (file.mode() >= 0) {
            sb.append("unix.mode=").append(String.format(Locale.ROOT, "0%o", file.mode() & 07777)).append(';');
        }
        if (isNumber(file.owner())) {
            sb.append("unix.uid=").append(file.owner()).append(';');
        }
        if (isNumber(file.group())) {
            sb.append("unix.gid=").append(file.group()).append(';');
        }
        return sb.append(' ').append(name).toString();
    }

    /** RFC 3659 perm letters from the account's permission letters. */
    static String perm(FtpFile file, Permissions p) {
        StringBuilder sb = new StringBuilder();
        if (file.isDirectory()) {
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
        boolean plain = !value.isEmpty() && value.chars().allMatch(c -> c < 127 && (Character.isLetterOrDigit(c)
                || ",.:!@#$%^&()-_+?/\\'\"".indexOf(c) >= 0));
        if (plain) {
            return value;
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
