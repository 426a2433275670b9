package org.ftpd.authorizers.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted slow password hashes in a self-describing form: {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>}, salt
 * and hash in Base64 without padding, computed by the JDK's {@code PBKDF2WithHmacSHA256}.
 */
final class Pbkdf2Password {

    static final String PREFIX = "$pbkdf2-sha256$";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 1_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private Pbkdf2Password(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a password with a new random salt and the default cost. */
    static Pbkdf2Password create(String password) {
        return create(password, DEFAULT_ITERATIONS);
    }

    static Pbkdf2Password create(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Pbkdf2Password(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /** Whether the text claims to be a hash of this scheme (it may still be malformed). */
    static boolean looksLikeThisScheme(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** Whether the text has the shape of some {@code $scheme$...} hash, ours or another's. */
    static boolean looksLikeAnyHash(String text) {
        return text != null && text.matches("\\$[A-Za-z0-9-]+\\$.*");
    }

    /**
     * Reads the encoded form.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Pbkdf2Password parse(String encoded) {
        if (!looksLikeThisScheme(encoded)) {
            throw new IllegalArgumentException("does not start with " + PREFIX);
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected " + PREFIX + "<iterations>$<salt>$<hash>");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations \"" + parts[0] + "\" is not a number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "iterations must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS + ": " + iterations);
        }
        byte[] salt = decode(parts[1], "salt");
        byte[] hash = decode(parts[2], "hash");
        if (salt.length < 8) {
            throw new IllegalArgumentException("salt shorter than 8 bytes");
        }
        if (hash.length < 16) {
            throw new IllegalArgumentException("hash shorter than 16 bytes");
        }
        return new Pbkdf2Password(iterations, salt, hash);
    }

    /** Checks a presented password in time independent of where it differs. */
    boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
    }

    int iterations() {
        return iterations;
    }

    String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return encoded();
    }

    private static byte[] decode(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not Base64: " + e.getMessage());
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java SE 8+ runtime has this algorithm
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
