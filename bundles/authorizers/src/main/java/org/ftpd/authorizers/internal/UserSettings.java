package org.ftpd.authorizers.internal;

import java.util.List;
import org.ftpd.api.Account;

/**
 * A validated user configuration.
 *
 * @param pid the configuration's PID (identifies the user across renames)
 * @param account what a successful login gets
 * @param password the hash to check, or {@code null} for {@code anonymous}
 * @param enabled whether logins are accepted
 * @param plainPassword the plain password the file held, when it must be rewritten as {@code password}; else
 *     {@code null}
 * @param warnings what was accepted but deserves a warning
 */
record UserSettings(String pid, Account account, Pbkdf2Password password, boolean enabled, String plainPassword,
        List<String> warnings) {

    static final String ANONYMOUS = "anonymous";

    String name() {
        return account.userName();
    }

    boolean isAnonymous() {
        return ANONYMOUS.equals(name());
    }

    @Override
    public String toString() {
        // never show the password or its plain form
        return "UserSettings[" + pid + ", " + account + ", enabled=" + enabled + "]";
    }
}
