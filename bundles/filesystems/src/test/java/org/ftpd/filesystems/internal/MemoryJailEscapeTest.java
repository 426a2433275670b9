package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every traversal and link escape of {@link JailEscapeTest}, on the {@code memory:} provider (Jimfs). */
class MemoryJailEscapeTest extends JailEscapeTest {

    private FileSystem tree;

    @Override
    protected Path newBase() throws IOException {
        MemoryTree.close(tree);
        tree = MemoryTree.create();
        return Files.createDirectory(tree.getPath("/case"));
    }

    @AfterEach
    void closeTree() throws IOException {
        MemoryTree.close(tree);
    }

    @Test
    void theMemoryProviderIsRaceFree() {
        assertTrue(fs.isRaceFree(), "Jimfs offers SecureDirectoryStream, so no check-then-use window");
    }
}
