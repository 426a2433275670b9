package org.ftpd.authorizers.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers passwords that already passed the slow hash for one user, so repeated logins (clients open many
 * sessions) cost a fast keyed digest instead. Only digests keyed with a random per-process secret are kept,
 * never the password. A new user configuration gets a new instance, which is how the cache is invalidated.
 */
final class VerifiedPasswords {

    private static final int MAX_ENTRIES = 16;
    private static final byte[] SECRET = new byte[32];

    static {
        new SecureRandom().nextBytes(SECRET);
    }

    // one keyed Mac per thread: looking up the provider and keying a new one cost more than the digest itself
    // (3% of the server's CPU in a login run); doFinal leaves it ready for the next password
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(VerifiedPasswords::newMac);

    private final String userName;
    private final Set<String> digests = ConcurrentHashMap.newKeySet();

    VerifiedPasswords(String userName) {
        this.userName = userName;
    }

    boolean contains(String password) {
        return digests.contains(digest(password));
    }

    void add(String password) {
        if (digests.size() >= MAX_ENTRIES) {
            digests.clear();
        }
        digests.add(digest(password));
    }

    private String digest(String password) {
        Mac mac = MAC.get();
        mac.update(userName.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
