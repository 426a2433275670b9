package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HashSet;
import java.util.Set;

/**
 * Touches paths that the {@link Jail} checked, so that a directory swapped for a symbolic link after the check
 * cannot redirect the operation outside the jail.
 *
 * <p>Where the provider offers {@link SecureDirectoryStream} (Linux, macOS, Jimfs) the path is walked from the
 * real root one directory handle at a time, never following a link ({@code openat} with {@code O_NOFOLLOW}):
 * a swapped component makes the operation fail instead of escaping. Elsewhere the operation is done on the
 * checked path with {@link LinkOption#NOFOLLOW_LINKS} on its last segment and the parent is checked again
 * afterwards; a race there can at worst create an empty file or directory outside before it is refused.
 * Directory creation has no handle-relative form in {@code java.nio.file}, so it always takes the second way.
 */
final class ConfinedAccess {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path realRoot;
    private final VirtualErrors errors;
    private final boolean secure;
    // Jimfs's handle-relative move follows a link it should move (the link becomes a second name of the
    // directory), so handle-relative moves are used only where they are renameat(2): the default filesystem
    private final boolean handleMoves;

    ConfinedAccess(Path realRoot, VirtualErrors errors) throws IOException {
        this(realRoot, errors, true);
    }

    /** {@code useHandles = false} forces the path re-checking way (tests cover both). */
    ConfinedAccess(Path realRoot, VirtualErrors errors, boolean useHandles) throws IOException {
        this.realRoot = realRoot;
        this.errors = errors;
        try (DirectoryStream<Path> probe = Files.newDirectoryStream(realRoot)) {
            this.secure = useHandles && probe instanceof SecureDirectoryStream;
        }
        this.handleMoves = secure && realRoot.getFileSystem() == FileSystems.getDefault();
    }

    /** Whether operations walk directory handles (no race) rather than re-checking paths. */
    boolean isSecure() {
        return secure;
    }

    SeekableByteChannel openFile(Path checked, Set<? extends OpenOption> options, String virtual) throws IOException {
        requireBelowRoot(checked, virtual);
        Set<OpenOption> noFollow = new HashSet<>(options);
        noFollow.add(LinkOption.NOFOLLOW_LINKS);
        if (secure) {
            try (SecureDirectoryStream<Path> dir = walkTo(checked.getParent(), virtual)) {
                return dir.newByteChannel(checked.getFileName(), noFollow);
            } catch (IOException e) {
                throw failure(e, checked, virtual);
            }
        }
        boolean truncate = noFollow.remove(StandardOpenOption.TRUNCATE_EXISTING);
        SeekableByteChannel channel;
        try {
            channel = openNoFollow(checked, noFollow, virtual);
        } catch (IOException e) {
            throw failure(e, checked, virtual);
        }
        try {
            requireUnchanged(checked.getParent(), virtual);
            if (truncate) {
                // truncate only once the file is known to be the checked one
                try {
                    channel.truncate(0);
                } catch (UnsupportedOperationException e) {
                    // a channel that cannot truncate (zip provider): reopen truncating, right after the check
                    channel.close();
                    noFollow.add(StandardOpenOption.TRUNCATE_EXISTING);
                    channel = openNoFollow(checked, noFollow, virtual);
                }
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens with {@link LinkOption#NOFOLLOW_LINKS}; a provider that refuses the option (the zip provider, which has
     * no links) gets the open without it, followed by a check that the last segment is no link.
     */
    private static SeekableByteChannel openNoFollow(Path checked, Set<OpenOption> noFollow, String virtual)
            throws IOException {
        try {
            return Files.newByteChannel(checked, noFollow);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            Set<OpenOption> plain = new HashSet<>(noFollow);
            plain.remove(LinkOption.NOFOLLOW_LINKS);
            SeekableByteChannel channel = Files.newByteChannel(checked, plain);
            if (Files.isSymbolicLink(checked)) {
                channel.close();
                throw new AccessDeniedException(virtual, null, "the path changed while in use");
            }
            return channel;
        }
    }

    DirectoryStream<Path> openDirectory(Path checked, String virtual) throws IOException {
        requireBelowRoot(checked, virtual);
        try {
            if (secure) {
                return walkTo(checked, virtual);
            }
            DirectoryStream<Path> stream = Files.newDirectoryStream(checked);
            try {
                requireUnchanged(checked, virtual);
                return stream;
            } catch (IOException e) {
                stream.close();
                throw e;
            }
        } catch (IOException e) {
            throw failure(e, checked, virtual);
        }
    }

    void createDirectory(Path checked, String virtual) throws IOException {
        requireBelowRoot(checked, virtual);
        try {
            Files.createDirectory(checked);
        } catch (IOException e) {
            throw failure(e, checked, virtual);
        }
        requireUnchanged(checked.getParent(), virtual);
    }

    void deleteFile(Path checked, String virtual) throws IOException {
        requireBelowRoot(checked, virtual);
        try {
            if (secure) {
                try (SecureDirectoryStream<Path> dir = walkTo(checked.getParent(), virtual)) {
                    dir.deleteFile(checked.getFileName());
                }
            } else {
                requireUnchanged(checked.getParent(), virtual);
                Files.delete(checked);
            }
        } catch (IOException e) {
            throw failure(e, checked, virtual);
        }
    }

    void deleteDirectory(Path checked, String virtual) throws IOException {
        requireBelowRoot(checked, virtual);
        try {
            if (secure) {
                try (SecureDirectoryStream<Path> dir = walkTo(checked.getParent(), virtual)) {
                    dir.deleteDirectory(checked.getFileName());
                }
            } else {
                requireUnchanged(checked.getParent(), virtual);
                Files.delete(checked);
            }
        } catch (IOException e) {
            throw failure(e, checked, virtual);
        }
    }

    void move(Path checkedFrom, String virtualFrom, Path checkedTo, String virtualTo) throws IOException {
        requireBelowRoot(checkedFrom, virtualFrom);
        requireBelowRoot(checkedTo, virtualTo);
        try {
            if (handleMoves) {
                try (SecureDirectoryStream<Path> from = walkTo(checkedFrom.getParent(), virtualFrom);
                        SecureDirectoryStream<Path> to = walkTo(checkedTo.getParent(), virtualTo)) {
                    from.move(checkedFrom.getFileName(), to, checkedTo.getFileName());
                }
            } else {
                requireUnchanged(checkedFrom.getParent(), virtualFrom);
                requireUnchanged(checkedTo.getParent(), virtualTo);
                Files.move(checkedFrom, checkedTo);
            }
        } catch (IOException e) {
            throw errors.translate(e, virtualFrom, checkedTo, virtualTo);
        }
    }

    /**
     * Moves {@code checkedFrom} onto {@code checkedTo}, replacing what is there in one step where the provider can
     * (an atomic upload's temporary file onto its target): readers see the old file or the new one, never a
     * part. {@code virtual} names both in errors.
     */
    void replace(Path checkedFrom, Path checkedTo, String virtual) throws IOException {
        requireBelowRoot(checkedFrom, virtual);
        requireBelowRoot(checkedTo, virtual);
        try {
            if (handleMoves) {
                try (SecureDirectoryStream<Path> from = walkTo(checkedFrom.getParent(), virtual);
                        SecureDirectoryStream<Path> to = walkTo(checkedTo.getParent(), virtual)) {
                    // renameat(2) on Unix: replaces the target atomically
                    from.move(checkedFrom.getFileName(), to, checkedTo.getFileName());
                    return;
                }
            }
            requireUnchanged(checkedFrom.getParent(), virtual);
            requireUnchanged(checkedTo.getParent(), virtual);
            try {
                Files.move(checkedFrom, checkedTo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
                Files.move(checkedFrom, checkedTo, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failure(e, checkedTo, virtual);
        }
    }

    /** Runs {@code action} on a no-follow attribute view of the checked path. */
    <V extends FileAttributeView> void updateAttributes(Path checked, Class<V> type, String virtual,
            AttributeUpdate<V> action) throws IOException {
        requireBelowRoot(checked, virtual);
        try {
            if (secure && (type == BasicFileAttributeView.class || type == PosixFileAttributeView.class)) {
                boolean isRoot = checked.equals(realRoot);
                try (SecureDirectoryStream<Path> dir = walkTo(isRoot ? checked : checked.getParent(), virtual)) {
                    V view = isRoot ? dir.getFileAttributeView(type)
                            : dir.getFileAttributeView(checked.getFileName(), type, NO_FOLLOW);
                    apply(view, action, virtual);
                }
            } else {
                requireUnchanged(checked, virtual);
                apply(Files.getFileAttributeView(checked, type, NO_FOLLOW), action, virtual);
            }
        } catch (IOException e) {
            throw failure(e, checked, virtual);
        }
    }

    /** A change to a file's attributes through a view. */
    @FunctionalInterface
    interface AttributeUpdate<V> {
        void apply(V view) throws IOException;
    }

    private static <V> void apply(V view, AttributeUpdate<V> action, String virtual) throws IOException {
        if (view == null) {
            throw new FileSystemException(virtual, null, "not supported by this filesystem");
        }
        action.apply(view);
    }

    /** Opens the checked directory by walking down from the root, never following a link. */
    @SuppressWarnings("unchecked")
    private SecureDirectoryStream<Path> walkTo(Path checkedDirectory, String virtual) throws IOException {
        requireBelowRoot(checkedDirectory, virtual);
        SecureDirectoryStream<Path> current = (SecureDirectoryStream<Path>) Files.newDirectoryStream(realRoot);
        try {
            for (Path name : realRoot.relativize(checkedDirectory)) {
                if (name.toString().isEmpty()) {
                    continue;
                }
                SecureDirectoryStream<Path> next = current.newDirectoryStream(name, NO_FOLLOW);
                current.close();
                current = next;
            }
            return current;
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    /** Defence in depth: a path handed in must be the root or lie below it, with no {@code ..} in it. */
    private void requireBelowRoot(Path checked, String virtual) throws AccessDeniedException {
        if (!checked.startsWith(realRoot)) {
            throw new AccessDeniedException(virtual, null, "outside the home folder");
        }
        for (Path name : realRoot.relativize(checked)) {
            if (name.toString().equals("..")) {
                throw new AccessDeniedException(virtual, null, "outside the home folder");
            }
        }
    }

    /** Refuses when the checked (link-free) path no longer leads to itself. */
    private void requireUnchanged(Path checked, String virtual) throws IOException {
        Path now;
        try {
            now = checked.toRealPath();
        } catch (NoSuchFileException e) {
            throw errors.translate(e, virtual);
        }
        if (!now.equals(checked) || !now.startsWith(realRoot)) {
            throw new AccessDeniedException(virtual, null, "the path changed while in use");
        }
    }

    /** Says "access denied" when a component turned into a link under us, else the translated error. */
    private IOException failure(IOException e, Path checked, String virtual) {
        if (e instanceof AccessDeniedException ade && virtual.equals(ade.getFile())) {
            return e;
        }
        for (Path p = checked; p != null && p.startsWith(realRoot) && !p.equals(realRoot); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return new AccessDeniedException(virtual, null, "the path changed while in use");
            }
        }
        return errors.translate(e, virtual);
    }
}
