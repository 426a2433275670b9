package org.ftpd.shell.internal;

import java.io.IOException;
import org.apache.karaf.shell.api.console.Session;

/** Asks for a new password twice on the console, masked, and never takes it from the command line. */
final class PasswordPrompt {

    private PasswordPrompt() {
    }

    static char[] askTwice(Session session, String user) throws IOException {
        String first = session.readLine("New password for " + user + ": ", '*');
        String second = session.readLine("Repeat the password: ", '*');
        if (first == null || first.isEmpty()) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        if (!first.equals(second)) {
            throw new IllegalArgumentException("the passwords differ");
        }
        return first.toCharArray();
    }
}
