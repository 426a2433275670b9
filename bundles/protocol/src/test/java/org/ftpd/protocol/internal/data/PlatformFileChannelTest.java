package org.ftpd.protocol.internal.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-copy is only for the JDK's own file channels: other providers' FileChannels have no descriptor. */
class PlatformFileChannelTest {

    @Test
    void defaultFilesystemChannelQualifies(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.txt"), "x");
        try (FileChannel ch = FileChannel.open(f)) {
            assertTrue(FileSender.isPlatformFileChannel(ch));
        }
    }

    @Test
    void anotherProvidersFileChannelDoesNot(@TempDir Path dir) throws Exception {
        URI zip = URI.create("jar:" + dir.resolve("t.zip").toUri());
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path inside = Files.writeString(fs.getPath("/b.txt"), "y");
            try (FileChannel ch = fs.provider().newFileChannel(inside, java.util.Set.of(StandardOpenOption.READ))) {
                assertFalse(FileSender.isPlatformFileChannel(ch));
            }
        }
    }
}
