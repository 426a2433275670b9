package org.ftpd.api;

import java.util.EnumSet;
import java.util.Set;

/** An immutable set of {@link Permission}s, written as pyftpdlib's letters (for example {@code "elr"}). */
public final class Permissions {

    public static final Permissions NONE = new Permissions(EnumSet.noneOf(Permission.class));
    public static final Permissions READ_ONLY = parse("elr");
    public static final Permissions ALL = parse("elradfmwMT");

    private final EnumSet<Permission> granted;

    private Permissions(EnumSet<Permission> granted) {
        this.granted = granted;
    }

    /**
     * Parses pyftpdlib's permission letters.
     *
     * @throws IllegalArgumentException naming the first letter that is not one of {@code elradfmwMT}
     */
    public static Permissions parse(String letters) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        String text = letters == null ? "" : letters.trim();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Permission p = Permission.ofLetter(c);
            if (p == null) {
                throw new IllegalArgumentException("unknown permission letter '" + c + "' in \"" + letters
                        + "\" (allowed: elradfmwMT)");
            }
            set.add(p);
        }
        return new Permissions(set);
    }

    public static Permissions of(Set<Permission> permissions) {
        return new Permissions(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    public boolean has(Permission permission) {
        return granted.contains(permission);
    }

    /** Whether any letter lets the holder change the filesystem. */
    public boolean allowsWriting() {
        return granted.stream().anyMatch(Permission::isWrite);
    }

    /** These permissions without any write letter. */
    public Permissions readOnly() {
        EnumSet<Permission> copy = EnumSet.copyOf(granted.isEmpty() ? EnumSet.noneOf(Permission.class) : granted);
        copy.removeIf(Permission::isWrite);
        return new Permissions(copy);
    }

    public Set<Permission> asSet() {
        return granted.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(granted);
    }

    /** The letters in pyftpdlib's order, e.g. {@code "elradfmwMT"}. */
    public String letters() {
        StringBuilder sb = new StringBuilder(granted.size());
        for (Permission p : granted) {
            sb.append(p.letter());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permissions && ((Permissions) o).granted.equals(granted);
    }

    @Override
    public int hashCode() {
        return granted.hashCode();
    }

    @Override
    public String toString() {
        return letters();
    }
}
