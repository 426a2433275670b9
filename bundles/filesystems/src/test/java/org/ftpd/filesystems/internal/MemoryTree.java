package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.FileSystem;

/** A fresh in-memory tree as the {@code memory:} provider makes them, for tests. */
final class MemoryTree {

    private MemoryTree() {
    }

    static FileSystem create() {
        return JimfsTrees.newTree(64L * 1024 * 1024);
    }

    static FileSystem create(long maxBytes) {
        return JimfsTrees.newTree(maxBytes);
    }

    static void close(FileSystem tree) throws IOException {
        if (tree != null) {
            tree.close();
        }
    }
}
