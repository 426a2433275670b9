package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** Every operation of {@link JailedFileSystemOperationsTest}, on the {@code memory:} provider (Jimfs). */
class MemoryOperationsTest extends JailedFileSystemOperationsTest {

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
