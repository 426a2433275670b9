package org.ftpd.api;

/** An {@link Authorizer} refused a login; the message says why (for the log, not for the client). */
public class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String reason) {
        super(reason);
    }

    public AuthenticationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
