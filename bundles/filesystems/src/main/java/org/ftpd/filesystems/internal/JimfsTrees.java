package org.ftpd.filesystems.internal;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;

/**
 * The only class that touches Jimfs, so the bundle loads without it (its import is optional) and only
 * {@code memory:} homes fail when it is missing.
 */
final class JimfsTrees {

    private JimfsTrees() {
    }

    /**
     * A new, empty Unix-like tree of at most {@code maxBytes}, with owners, groups and permission bits, so that
     * listings, chmod and the umask behave as on a real disk.
     */
    static FileSystem newTree(long maxBytes) {
        Configuration config = Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .setMaxSize(maxBytes)
                .setWorkingDirectory("/")
                .build();
        // a random name: Jimfs registers each tree under jimfs://<name> for the whole VM
        return Jimfs.newFileSystem(config);
    }
}
