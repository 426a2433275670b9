package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A directory swapped for a link to the outside between the jail's check and the operation: the operation is
 * refused, with directory handles (no race at all) and with the re-checking fallback.
 */
class ConfinedAccessRaceTest {

    @TempDir
    Path tmp;

    private Path home;
    private Path outside;
    private Jail jail;
    private ConfinedAccess access;

    private void setUp(boolean handles) throws IOException {
        Path base = tmp.toRealPath();
        home = Files.createDirectory(base.resolve("home"));
        outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectory(home.resolve("victim"));
        Files.writeString(home.resolve("victim/secret.txt"), "mine");
        VirtualErrors errors = new VirtualErrors(home);
        jail = new Jail(home, new PathMapper(home), errors);
        access = new ConfinedAccess(home, errors, handles);
        assertEquals(handles, access.isSecure(), "this platform offers SecureDirectoryStream");
    }

    /** The attacker's move: the checked directory becomes a link to the outside. */
    private void swap() throws IOException {
        Files.delete(home.resolve("victim/secret.txt"));
        Files.delete(home.resolve("victim"));
        Files.createSymbolicLink(home.resolve("victim"), outside);
    }

    @ParameterizedTest(name = "handles={0}")
    @ValueSource(booleans = {true, false})
    void truncatingWriteAfterSwapIsRefused(boolean handles) throws IOException {
        setUp(handles);
        Path checked = jail.newEntry("/victim/secret.txt");
        swap();
        assertThrows(AccessDeniedException.class, () -> access.openFile(checked,
                EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING),
                "/victim/secret.txt").close());
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
    }

    @ParameterizedTest(name = "handles={0}")
    @ValueSource(booleans = {true, false})
    void creatingWriteAfterSwapIsRefused(boolean handles) throws IOException {
        setUp(handles);
        Path checked = jail.newEntry("/victim/new.txt");
        swap();
        assertThrows(AccessDeniedException.class, () -> access.openFile(checked,
                EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE), "/victim/new.txt").close());
        if (handles) {
            assertFalse(Files.exists(outside.resolve("new.txt")), "nothing is created outside");
        }
    }

    @ParameterizedTest(name = "handles={0}")
    @ValueSource(booleans = {true, false})
    void readAfterSwapIsRefused(boolean handles) throws IOException {
        setUp(handles);
        Path checked = jail.existingTarget("/victim/secret.txt");
        swap();
        assertThrows(AccessDeniedException.class,
                () -> access.openFile(checked, EnumSet.of(StandardOpenOption.READ), "/victim/secret.txt").close());
    }

    @ParameterizedTest(name = "handles={0}")
    @ValueSource(booleans = {true, false})
    void deleteListAndAttributesAfterSwapAreRefused(boolean handles) throws IOException {
        setUp(handles);
        Path file = jail.existingEntry("/victim/secret.txt");
        Path dir = jail.existingTarget("/victim");
        swap();
        assertThrows(AccessDeniedException.class, () -> access.deleteFile(file, "/victim/secret.txt"));
        assertTrue(Files.exists(outside.resolve("secret.txt")));
        assertThrows(AccessDeniedException.class, () -> access.openDirectory(dir, "/victim").close());
        FileTime before = Files.getLastModifiedTime(outside.resolve("secret.txt"));
        assertThrows(AccessDeniedException.class, () -> access.updateAttributes(file, BasicFileAttributeView.class,
                "/victim/secret.txt", view -> view.setTimes(FileTime.fromMillis(0), null, null)));
        assertEquals(before, Files.getLastModifiedTime(outside.resolve("secret.txt")));
    }

    @ParameterizedTest(name = "handles={0}")
    @ValueSource(booleans = {true, false})
    void mkdirAfterSwapIsRefused(boolean handles) throws IOException {
        setUp(handles);
        Path checked = jail.newEntry("/victim/made");
        swap();
        // no handle-relative mkdir exists: the directory may appear outside, but the operation is refused
        assertThrows(AccessDeniedException.class, () -> access.createDirectory(checked, "/victim/made"));
    }
    /** The attacker's move while an upload runs: the directory (not empty now) is moved aside, a link put in. */
    private void swapBusy() throws IOException {
        Files.move(home.resolve("victim"), home.resolve("victim-aside"));
        Files.createSymbolicLink(home.resolve("victim"), outside);
    }

    @ParameterizedTest(name = "handles={0}")
    @ValueSource(booleans = {true, false})
    void atomicReplaceAfterSwapIsRefused(boolean handles) throws IOException {
        setUp(handles);
        Path temporary = Files.writeString(home.resolve("victim/" + Uploads.TEMPORARY_PREFIX + "1"), "payload");
        Path target = jail.newEntry("/victim/secret.txt");
        swapBusy();
        assertThrows(AccessDeniedException.class, () -> access.replace(temporary, target, "/victim/secret.txt"));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        assertEquals(List.of("secret.txt"), names(outside));
    }

    @Test
    void anAtomicUploadWhoseFolderIsSwappedMidwayLandsNowhereOutside() throws IOException {
        setUp(true);
        JailedFileSystem fs = new JailedFileSystem(home, null, WriteRules.DEFAULT.withAtomicUploads(true),
                new PrincipalNames());
        SeekableByteChannel upload = fs.openForWrite("/victim/secret.txt", WriteMode.TRUNCATE, 0);
        UploadsTest.write(upload, "attacker's bytes");
        swapBusy();
        assertThrows(AccessDeniedException.class, upload::close);
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        assertEquals(List.of("secret.txt"), names(outside), "no temporary file or target outside");
        assertEquals("mine", Files.readString(home.resolve("victim-aside/secret.txt")), "the moved folder untouched");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
