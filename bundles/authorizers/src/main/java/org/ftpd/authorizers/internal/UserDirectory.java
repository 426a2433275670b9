package org.ftpd.authorizers.internal;

/** Where each user component puts its validated user (internal service between the bundle's components). */
public interface UserDirectory {

    /** Adds or replaces the user of a configuration. */
    void put(UserSettings user);

    /**
     * Removes the user of a configuration, if any.
     *
     * @return whether there was one
     */
    boolean remove(String pid);
}
