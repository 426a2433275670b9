package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.InvalidPathException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VirtualPathsTest {

    @ParameterizedTest(name = "cwd={0} path={1} -> {2}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "/|         |/",
        "/a/b|      |/a/b",
        "/a/b|.     |/a/b",
        "/a/b|..    |/a",
        "/|..       |/",
        "/|../..    |/",
        "/|/../..   |/",
        "/a|/../../etc/passwd|/etc/passwd",
        "/sub|a/../../..|/",
        "/sub|a/../../../x|/x",
        "/|a//b///c/|/a/b/c",
        "/|./a/./b/.|/a/b",
        "/a|b/c/../d|/a/b/d",
        "/a/b|/x/y|/x/y",
        "/|...|/...",
        "/|..a|/..a",
        "/|a\\..\\..\\etc|/a\\..\\..\\etc",
        "/|..\\..\\etc|/..\\..\\etc",
        "/|\\|/\\",
        "/a|../b\\c|/b\\c",
        "|x|/x",
    })
    void normalizes(String cwd, String path, String expected) {
        assertEquals(expected, VirtualPaths.normalize(cwd, path));
    }

    @Test
    void rejectsNul() {
        assertThrows(InvalidPathException.class, () -> VirtualPaths.normalize("/", "a\0b"));
        assertThrows(InvalidPathException.class, () -> VirtualPaths.normalize("/x\0", "b"));
        assertThrows(InvalidPathException.class, () -> VirtualPaths.normalize("/", "\0"));
    }

    @Test
    void parentNameAndChild() {
        assertEquals("/", VirtualPaths.parent("/"));
        assertEquals("/", VirtualPaths.parent("/a"));
        assertEquals("/a", VirtualPaths.parent("/a/b"));
        assertEquals("/", VirtualPaths.name("/"));
        assertEquals("b", VirtualPaths.name("/a/b"));
        assertEquals("/x", VirtualPaths.child("/", "x"));
        assertEquals("/a/x", VirtualPaths.child("/a", "x"));
    }
}
