package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** {@link UploadsTest} on the {@code memory:} provider, whose moves and attribute views differ. */
class MemoryUploadsTest extends UploadsTest {

    private FileSystem tree;

    @Override
    protected Path base() {
        tree = MemoryTree.create();
        return tree.getPath("/");
    }

    @AfterEach
    void closeTree() throws IOException {
        MemoryTree.close(tree);
    }
}
