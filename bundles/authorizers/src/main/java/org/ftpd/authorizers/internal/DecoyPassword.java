package org.ftpd.authorizers.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A hash of a random password nobody knows, checked when a login names no usable user, so that an unknown name
 * costs the same hashing time as a wrong password.
 */
final class DecoyPassword {

    private DecoyPassword() {
    }

    /** Created on first use: the first unknown name pays for the hash once more. */
    private static final class Holder {
        static final Pbkdf2Password DECOY = Pbkdf2Password.create(randomText());
    }

    static void spendHashCost(String password) {
        Holder.DECOY.matches(password == null ? "" : password);
    }

    private static String randomText() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
