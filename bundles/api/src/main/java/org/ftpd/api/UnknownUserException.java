package org.ftpd.api;

/**
 * The {@link Authorizer} does not know this user name, so the next authorizer in ranking order may be asked.
 * Any other {@link AuthenticationException} is final.
 */
public class UnknownUserException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public UnknownUserException(String userName) {
        super("unknown user " + userName);
    }
}
