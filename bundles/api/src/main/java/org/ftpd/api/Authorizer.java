package org.ftpd.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides who may log in and what they get. Registered as an OSGi service; the server picks the authorizers
 * its configuration selects ({@code authorizer.target}) and asks them in service ranking order.
 *
 * <p>{@link #authenticate} may block (slow password hashes, directories): the engine never calls it on a
 * network thread.
 */
@ConsumerType
public interface Authorizer {

    /** Service property naming the authorizer, e.g. {@code config} or {@code jaas}. */
    String NAME_PROPERTY = "ftpd.authorizer";

    /**
     * Checks the credentials.
     *
     * @return the account of the user, never null
     * @throws UnknownUserException when this authorizer does not know the user (the next one may)
     * @throws AuthenticationException when the user is known and the login is refused
     */
    Account authenticate(Credentials credentials) throws AuthenticationException;
}
