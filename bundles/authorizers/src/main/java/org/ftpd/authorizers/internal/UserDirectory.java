package org.ftpd.authorizers.internal;

/** Where each user component puts its validated user (internal service between the bundle's components). */
public interface UserDirectory {

    /** Adds or replaces the user of a configuration. */
    void put(UserSettings user);

    /**
     * Stops serving the user of a configuration, if any, quietly: the account is not gone for good (the bundle
     * stops, or the configuration became invalid and is waiting to be fixed), so open sessions are not concerned.
     *
     * @return whether there was one
     */
    boolean remove(String pid);

    /**
     * Removes the user of a deleted configuration, if any, and tells the {@link org.ftpd.api.AccountListener}s
     * that the account is gone (the server may then end its sessions).
     *
     * @return whether there was one
     */
    boolean delete(String pid);
}
