package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Decides whether a virtual path may be touched, by the real path it leads to: the target's real path (links
 * followed), or the real path of its nearest existing ancestor when it does not exist, must lie below the
 * real root. The checked real paths it returns contain no symbolic link, so the operations that use them can
 * refuse to follow links ({@link ConfinedAccess}).
 */
final class Jail {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path realRoot;
    private final PathMapper mapper;
    private final VirtualErrors errors;

    Jail(Path realRoot, PathMapper mapper, VirtualErrors errors) {
        this.realRoot = realRoot;
        this.mapper = mapper;
        this.errors = errors;
    }

    Path realRoot() {
        return realRoot;
    }

    boolean contains(Path realPath) {
        return realPath.startsWith(realRoot);
    }

    /** For operations that follow links (stat, list, read, chmod, set time): the checked path of the target. */
    Path existingTarget(String virtual) throws IOException {
        Path mapped = mapper.toReal(virtual);
        try {
            Path real = mapped.toRealPath();
            if (!contains(real)) {
                throw outside(virtual);
            }
            return real;
        } catch (AccessDeniedException e) {
            throw e.getFile() != null && e.getFile().equals(virtual) ? e : errors.translate(e, virtual);
        } catch (IOException e) {
            // missing, a dangling link, a loop, a file used as a directory: never say more than the jail allows
            requireAncestorInside(mapped, virtual);
            if (!mapped.equals(realRoot) && existsNoFollow(mapped)) {
                throw new AccessDeniedException(virtual, null, "symbolic link that cannot be followed");
            }
            throw errors.translate(e, virtual);
        }
    }

    /** {@link #existingTarget}, which must be a directory. */
    Path existingDirectory(String virtual) throws IOException {
        Path real = existingTarget(virtual);
        if (!Files.isDirectory(real, NO_FOLLOW)) {
            throw new NotDirectoryException(virtual);
        }
        return real;
    }

    /**
     * For operations on the entry itself (delete, rename source): checked parent + name. The entry must exist;
     * when it is a link, its target must be inside the jail too.
     */
    Path existingEntry(String virtual) throws IOException {
        if (VirtualPaths.ROOT.equals(virtual)) {
            throw new AccessDeniedException(virtual, null, "the home folder itself");
        }
        Path entry = entryBelowCheckedParent(virtual);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, NO_FOLLOW);
        } catch (IOException e) {
            throw errors.translate(e, virtual);
        }
        if (attributes.isSymbolicLink()) {
            requireLinkInside(entry, virtual);
        }
        return entry;
    }

    /**
     * For operations that create an entry (mkdir, write, rename target): checked parent + name. What may exist
     * there already must pass {@link #existingEntry}.
     */
    Path newEntry(String virtual) throws IOException {
        if (VirtualPaths.ROOT.equals(virtual)) {
            throw new FileSystemException(virtual, null, "the home folder itself");
        }
        Path entry = entryBelowCheckedParent(virtual);
        if (existsNoFollow(entry) && Files.isSymbolicLink(entry)) {
            requireLinkInside(entry, virtual);
        }
        return entry;
    }

    private Path entryBelowCheckedParent(String virtual) throws IOException {
        Path parent = existingDirectory(VirtualPaths.parent(virtual));
        return parent.resolve(mapper.toReal(virtual).getFileName().toString());
    }

    private void requireLinkInside(Path link, String virtual) throws IOException {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            throw new AccessDeniedException(virtual, null, "symbolic link that cannot be followed");
        }
        if (!contains(target)) {
            throw outside(virtual);
        }
    }

    private void requireAncestorInside(Path mapped, String virtual) throws AccessDeniedException {
        for (Path p = mapped.getParent(); p != null && p.startsWith(mapper.root()); p = p.getParent()) {
            try {
                if (!contains(p.toRealPath())) {
                    throw outside(virtual);
                }
                return;
            } catch (AccessDeniedException e) {
                throw e.getFile() != null && e.getFile().equals(virtual) ? e : new AccessDeniedException(virtual);
            } catch (IOException e) {
                // this ancestor does not exist (or is a dangling link): look further up
                if (existsNoFollow(p)) {
                    throw new AccessDeniedException(virtual, null, "symbolic link that cannot be followed");
                }
            }
        }
    }

    private static boolean existsNoFollow(Path p) {
        return Files.exists(p, NO_FOLLOW);
    }

    private static AccessDeniedException outside(String virtual) {
        return new AccessDeniedException(virtual, null, "outside the home folder");
    }
}
