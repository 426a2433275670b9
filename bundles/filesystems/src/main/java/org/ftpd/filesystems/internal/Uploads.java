package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.ftpd.api.UploadChannel;
import org.ftpd.api.WriteMode;

/**
 * Opens uploads by the session's {@link WriteRules}: in place, or atomically through a hidden temporary file
 * in the target's folder (STOR and STOU; APPE and a resumed STOR always write in place, since the bytes already
 * there are the point); the mode of new files from the umask; the quota checked before every byte; and a
 * broken upload rolled back unless partial files are kept.
 */
final class Uploads {

    /** Names of temporary upload files start so; listings leave them out. */
    static final String TEMPORARY_PREFIX = ".ftpd-upload-";

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jail jail;
    private final ConfinedAccess access;
    private final VirtualErrors errors;
    private final WriteRules rules;
    private final boolean permissions;

    Uploads(Jail jail, ConfinedAccess access, VirtualErrors errors, WriteRules rules, boolean permissions) {
        this.jail = jail;
        this.access = access;
        this.errors = errors;
        this.rules = rules;
        this.permissions = permissions;
    }

    static boolean isTemporary(String name) {
        return name.startsWith(TEMPORARY_PREFIX);
    }

    UploadChannel open(String virtual, WriteMode mode, long offset) throws IOException {
        Path entry = jail.newEntry(virtual);
        if (mode != WriteMode.CREATE_NEW && Files.isSymbolicLink(entry)) {
            // a link inside pointing inside: write its target, checked again (the link may have changed since)
            entry = jail.existingTarget(virtual);
        }
        if (rules.quota() != null) {
            rules.quota().requireRoom(virtual);
        }
        BasicFileAttributes before = attributesOrNull(entry);
        if (before != null && before.isDirectory()) {
            throw new FileSystemException(virtual, null, "Is a directory");
        }
        if (mode == WriteMode.CREATE_NEW && before != null) {
            throw new FileAlreadyExistsException(virtual);
        }
        boolean atomic = rules.atomicUploads() && (mode == WriteMode.TRUNCATE || mode == WriteMode.CREATE_NEW);
        return atomic ? openAtomic(entry, virtual, mode) : openInPlace(entry, virtual, mode, offset, before);
    }

    private UploadChannel openInPlace(Path entry, String virtual, WriteMode mode, long offset,
            BasicFileAttributes before) throws IOException {
        SeekableByteChannel channel = access.openFile(entry, optionsFor(mode), virtual);
        try {
            if (before == null && rules.umask() >= 0) {
                setMode(entry, virtual, 0666 & ~rules.umask());
            }
            long size = channel.size();
            long start = 0;
            if (mode == WriteMode.TRUNCATE && rules.quota() != null && before != null && before.isRegularFile()) {
                rules.quota().release(before.size());
            } else if (mode == WriteMode.APPEND) {
                start = size;
            } else if (mode == WriteMode.RESUME) {
                if (offset > size) {
                    throw new FileSystemException(virtual, null,
                            "resume offset " + offset + " is beyond the end of the file (" + size + " bytes)");
                }
                channel.position(offset);
                start = offset;
            }
            return new Upload(channel, virtual, errors, rules.quota(), size, mode == WriteMode.APPEND,
                    rules.keepPartial() ? new Upload.Ending() { } : rollbackInPlace(entry, mode, start));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Takes a broken in-place upload back out: a new or replaced file is removed, an appended tail cut off. */
    private Upload.Ending rollbackInPlace(Path entry, WriteMode mode, long start) {
        boolean whole = mode == WriteMode.TRUNCATE || mode == WriteMode.CREATE_NEW;
        return new Upload.Ending() {
            @Override
            public void abortingOpen(Upload upload) throws IOException {
                if (!whole) {
                    upload.truncate(start);
                }
            }

            @Override
            public void abortedClosed(Upload upload) throws IOException {
                if (whole) {
                    access.deleteFile(entry, upload.virtualPath());
                    upload.releaseAll();
                }
            }
        };
    }

    private UploadChannel openAtomic(Path entry, String virtual, WriteMode mode) throws IOException {
        Path temporary = entry.resolveSibling(TEMPORARY_PREFIX + HexFormat.of().formatHex(randomBytes()));
        SeekableByteChannel channel = access.openFile(temporary,
                Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW), virtual);
        return new Upload(channel, virtual, errors, rules.quota(), 0, false, new Upload.Ending() {
            @Override
            public void committed(Upload upload) throws IOException {
                try {
                    replaceTarget(temporary, entry, virtual, mode == WriteMode.CREATE_NEW);
                } catch (IOException | RuntimeException e) {
                    discard(temporary, upload);
                    throw e;
                }
            }

            @Override
            public void abortedClosed(Upload upload) throws IOException {
                discard(temporary, upload);
            }
        });
    }

    /** The last step of an atomic upload: the target's mode kept (or the umask's), then one rename. */
    private void replaceTarget(Path temporary, Path entry, String virtual, boolean mustBeNew) throws IOException {
        BasicFileAttributes old = attributesOrNull(entry);
        if (old != null && (mustBeNew || old.isDirectory())) {
            throw old.isDirectory() ? new FileSystemException(virtual, null, "Is a directory")
                    : new FileAlreadyExistsException(virtual);
        }
        if (permissions && old != null && old.isRegularFile()) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(entry, NO_FOLLOW);
            access.updateAttributes(temporary, PosixFileAttributeView.class, virtual, v -> v.setPermissions(mode));
        } else if (old == null && rules.umask() >= 0) {
            setMode(temporary, virtual, 0666 & ~rules.umask());
        }
        access.replace(temporary, entry, virtual);
        if (rules.quota() != null && old != null && old.isRegularFile()) {
            rules.quota().release(old.size());
        }
    }

    private void discard(Path temporary, Upload upload) throws IOException {
        access.deleteFile(temporary, upload.virtualPath());
        upload.releaseAll();
    }

    /** Applies the umask to a directory just made. */
    void directoryCreated(Path directory, String virtual) throws IOException {
        if (rules.umask() >= 0) {
            setMode(directory, virtual, 0777 & ~rules.umask());
        }
    }

    private void setMode(Path checked, String virtual, int mode) throws IOException {
        if (!permissions) {
            return;
        }
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                set.add(p);
            }
        }
        access.updateAttributes(checked, PosixFileAttributeView.class, virtual, v -> v.setPermissions(set));
    }

    private static Set<OpenOption> optionsFor(WriteMode mode) {
        return switch (mode) {
            case TRUNCATE -> Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            case APPEND -> Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            case RESUME -> Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE);
            case CREATE_NEW -> Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        };
    }

    private static BasicFileAttributes attributesOrNull(Path entry) {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, NO_FOLLOW);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
