package org.ftpd.api;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What a client presented at login.
 *
 * @param userName the argument of USER
 * @param password the argument of PASS (may be empty, never null)
 * @param remoteAddress the client's address
 * @param secure whether the control connection is protected by TLS
 */
public record Credentials(String userName, String password, InetSocketAddress remoteAddress, boolean secure) {
    public Credentials {
        Objects.requireNonNull(userName, "userName");
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        // never print the password
        return "Credentials[" + userName + " from " + remoteAddress + (secure ? ", TLS" : "") + "]";
    }
}
