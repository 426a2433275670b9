package org.ftpd.api;

import java.util.Objects;

/**
 * Permissions that replace an account's own below one virtual directory (pyftpdlib's {@code override_perm}).
 *
 * @param directory an absolute virtual path such as {@code /incoming}
 * @param permissions what is allowed there
 * @param recursive whether the override also covers the directory's subdirectories
 */
public record PermissionOverride(String directory, Permissions permissions, boolean recursive) {
    public PermissionOverride {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(permissions, "permissions");
        if (!directory.startsWith("/")) {
            throw new IllegalArgumentException("override directory must be an absolute virtual path: " + directory);
        }
        if (directory.length() > 1 && directory.endsWith("/")) {
            directory = directory.substring(0, directory.length() - 1);
        }
    }

    /** Whether this override decides the permissions of {@code directoryOfTarget} (an absolute virtual path). */
    public boolean covers(String directoryOfTarget) {
        if (directoryOfTarget.equals(directory)) {
            return true;
        }
        if (!recursive) {
            return false;
        }
        String prefix = directory.equals("/") ? "/" : directory + "/";
        return directoryOfTarget.startsWith(prefix);
    }
}
