package org.ftpd.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears that an account can no longer log in (whiteboard: the engine registers one as a service; authorizers call
 * every one they find). The engine refuses new logins anyway, since it asks the authorizer at every login; what
 * this adds is the chance to end the sessions already logged in, which the engine does or not by its own
 * configuration ({@code removed.user.sessions}).
 *
 * <p>Authorizers call it only when the account really goes away (its configuration is deleted, or it is
 * disabled, or renamed), never merely because the authorizer itself stops, so that updating a bundle does not
 * drop sessions. Calls may come from any thread and return quickly.
 */
@ConsumerType
public interface AccountListener {

    /**
     * The account {@code userName} served by {@code authorizer} is gone or disabled.
     *
     * @param authorizer the authorizer service that served it (sessions that logged in through another
     *     authorizer with the same name are not concerned)
     * @param userName the account's user name
     * @param reason why, for the log and the client, e.g. "user deleted"
     */
    void accountRemoved(Authorizer authorizer, String userName, String reason);
}
