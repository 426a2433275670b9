package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.Path;

/** User and group names by number, for the owner and group columns of a listing. */
interface OwnerNames {

    /** The name of user {@code uid}, looked up through {@code file} (which it owns) when it has to be. */
    String user(int uid, Path file) throws IOException;

    /** The name of group {@code gid}, looked up through {@code file} (its group) when it has to be. */
    String group(int gid, Path file) throws IOException;
}
