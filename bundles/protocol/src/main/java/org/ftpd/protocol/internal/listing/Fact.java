package org.ftpd.protocol.internal.listing;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The MLSD/MLST facts this server offers (RFC 3659 section 7, plus the {@code unix.} facts clients know).
 * {@code unix.uid}/{@code unix.gid} carry numeric ids; {@code unix.owner}/{@code unix.group} carry names. Each
 * entry shows those of them its filesystem reports (on a Unix disk: all four).
 */
public enum Fact {
    TYPE("type"),
    SIZE("size"),
    MODIFY("modify"),
    PERM("perm"),
    UNIQUE("unique"),
    UNIX_MODE("unix.mode"),
    UNIX_UID("unix.uid"),
    UNIX_GID("unix.gid"),
    UNIX_OWNER("unix.owner"),
    UNIX_GROUP("unix.group");

    private static final Set<Fact> ALL = Collections.unmodifiableSet(EnumSet.allOf(Fact.class));
    // pyftpdlib's defaults: the unix. facts cost an owner lookup per entry and go to clients that ask for them
    private static final Set<Fact> DEFAULTS = Collections.unmodifiableSet(EnumSet.of(TYPE, SIZE, MODIFY, PERM, UNIQUE));
    private static final Set<Fact> UNIX = EnumSet.of(UNIX_MODE, UNIX_UID, UNIX_GID, UNIX_OWNER, UNIX_GROUP);

    private final String factName;

    Fact(String factName) {
        this.factName = factName;
    }

    /** The name as FEAT and the listings print it. */
    public String factName() {
        return factName;
    }

    /** Every fact the server offers. */
    public static Set<Fact> all() {
        return ALL;
    }

    /**
     * What a session shows until OPTS MLST selects otherwise: {@code type;size;modify;perm;unique}, as pyftpdlib
     * does. The {@code unix.} facts are offered in FEAT for clients that select them (lftp, FileZilla do).
     */
    public static Set<Fact> defaults() {
        return DEFAULTS;
    }

    /** Whether showing {@code facts} needs an entry's mode, owner and group, not only its basic attributes. */
    public static boolean needsFullDetail(Set<Fact> facts) {
        for (Fact f : facts) {
            if (UNIX.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** The fact with this name (any case), or null. */
    public static Fact named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Fact f : values()) {
            if (f.factName.equals(wanted)) {
                return f;
            }
        }
        return null;
    }

    /**
     * OPTS MLST's argument ({@code type;size;}) as the facts it names; names this server does not know are
     * ignored, as RFC 3659 section 7.9 asks.
     */
    public static Set<Fact> parseSelection(String argument) {
        Set<Fact> selected = EnumSet.noneOf(Fact.class);
        for (String name : argument.split(";")) {
            Fact f = named(name);
            if (f != null) {
                selected.add(f);
            }
        }
        return selected;
    }

    /** {@code type;size;} for a selection, in this enum's order. */
    public static String list(Set<Fact> facts) {
        StringBuilder sb = new StringBuilder();
        for (Fact f : facts) {
            sb.append(f.factName).append(';');
        }
        return sb.toString();
    }
}
