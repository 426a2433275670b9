package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathMapperTest {

    private final Path root = Path.of("/srv/ftp/alice");
    private final PathMapper mapper = new PathMapper(root);

    @Test
    void mapsBothWays() {
        assertEquals(root, mapper.toReal("/"));
        assertEquals(root.resolve("a").resolve("b.txt"), mapper.toReal("/a/b.txt"));
        assertEquals("/", mapper.toVirtual(root));
        assertEquals("/a/b.txt", mapper.toVirtual(root.resolve("a/b.txt")));
        assertEquals("/x y/z", mapper.toVirtual(mapper.toReal("/x y/z")));
    }

    @Test
    void aBackslashStaysInsideOneName() {
        Path real = mapper.toReal("/..\\..\\etc");
        assertEquals(root, real.getParent());
        assertEquals("..\\..\\etc", real.getFileName().toString());
    }

    @Test
    void refusesWhatNormalisationShouldHaveRemoved() {
        assertThrows(InvalidPathException.class, () -> mapper.toReal("/a/../b"));
        assertThrows(InvalidPathException.class, () -> mapper.toReal("/./b"));
        assertThrows(InvalidPathException.class, () -> mapper.toReal("/a//b"));
        assertThrows(IllegalArgumentException.class, () -> mapper.toVirtual(Path.of("/srv/ftp/bob")));
    }
}
