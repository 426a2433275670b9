package org.ftpd.protocol.internal.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The algorithms of the HASH command (draft-bryan-ftpext-hash), named as IANA's hash function registry does. */
public enum HashAlgorithm {
    SHA_256("SHA-256"),
    SHA_1("SHA-1"),
    MD5("MD5");

    /** What HASH uses until OPTS HASH selects another. */
    public static final HashAlgorithm DEFAULT = SHA_256;

    private final String ianaName;

    HashAlgorithm(String ianaName) {
        this.ianaName = ianaName;
    }

    public String ianaName() {
        return ianaName;
    }

    /** A fresh digest (the JDK names these algorithms the same way). */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ianaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + ianaName, e);
        }
    }

    /** The algorithm with this name (any case), or null. */
    public static HashAlgorithm named(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (HashAlgorithm a : values()) {
            if (a.ianaName.equals(wanted)) {
                return a;
            }
        }
        return null;
    }
}
