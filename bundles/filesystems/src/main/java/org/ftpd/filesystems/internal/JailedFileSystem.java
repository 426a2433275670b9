package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.ftpd.api.FileDetail;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.WriteMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's view of one folder of any NIO provider, which it sees as {@code /} and cannot leave: not with
 * {@code ..}, not with absolute paths, not through symbolic links. Every operation checks the real path it
 * is about to touch ({@link Jail}) and then touches it without following links ({@link ConfinedAccess}).
 * Errors name virtual paths only.
 */
public final class JailedFileSystem implements FtpFileSystem {

    private static final Logger LOG = LoggerFactory.getLogger(JailedFileSystem.class);
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Jail jail;
    private final VirtualErrors errors;
    private final ConfinedAccess access;
    private final FileFacts facts;
    private final Uploads uploads;
    private final QuotaLedger quota;
    private final String initialDirectory;
    private volatile boolean closed;

    /**
     * Opens a view of {@code root}, which must be an existing directory, with the default {@link WriteRules}.
     *
     * @throws IOException when the root cannot be reached
     */
    public JailedFileSystem(Path root) throws IOException {
        this(root, null, WriteRules.DEFAULT, new PrincipalNames());
    }

    /**
     * Opens a view of {@code root} whose sessions start in {@code start} (a directory below the root; {@code null}
     * for the root itself).
     *
     * @throws IOException when the root or the start cannot be reached
     */
    JailedFileSystem(Path root, Path start, WriteRules rules, PrincipalNames names) throws IOException {
        Path realRoot = root.toRealPath();
        if (!Files.isDirectory(realRoot)) {
            throw new NotDirectoryException(root.toString());
        }
        this.errors = new VirtualErrors(realRoot);
        PathMapper mapper = new PathMapper(realRoot);
        this.jail = new Jail(realRoot, mapper, errors);
        this.access = new ConfinedAccess(realRoot, errors);
        this.facts = new FileFacts(realRoot.getFileSystem(), names);
        this.uploads = new Uploads(jail, access, errors, rules, facts.hasPermissions());
        this.quota = rules.quota();
        if (start == null) {
            this.initialDirectory = VirtualPaths.ROOT;
        } else {
            Path realStart = start.toRealPath();
            if (!realStart.startsWith(realRoot) || !Files.isDirectory(realStart)) {
                throw new NotDirectoryException(start.toString());
            }
            this.initialDirectory = mapper.toVirtual(realStart);
        }
    }

    /**
     * The unjailed view for trusted users (pyftpdlib's UnixFilesystem): the root of {@code home}'s filesystem is
     * {@code /}, so virtual paths are the real absolute paths, and sessions start in the home folder. Links are
     * followed wherever they lead; everything else (link-free operations, umask, atomic uploads, quota) is as in
     * the jailed view.
     */
    static JailedFileSystem unjailed(Path home, WriteRules rules, PrincipalNames names) throws IOException {
        Path realHome = home.toRealPath();
        Path root = realHome.getRoot();
        if (root == null) {
            throw new NotDirectoryException(home.toString());
        }
        return new JailedFileSystem(root, realHome, rules, names);
    }

    @Override
    public String initialDirectory() {
        return initialDirectory;
    }

    /** Whether this provider lets every file operation be done without a check-then-use race. */
    public boolean isRaceFree() {
        return access.isSecure();
    }

    @Override
    public String resolve(String cwd, String path) {
        return VirtualPaths.normalize(cwd, path);
    }

    @Override
    public FtpFile stat(String path) throws IOException {
        String virtual = checkedPath(path);
        Path real = jail.existingTarget(virtual);
        return facts.read(real, virtual, VirtualPaths.name(virtual));
    }

    @Override
    public Stream<FtpFile> list(String directory) throws IOException {
        return list(directory, FileDetail.FULL);
    }

    @Override
    public Stream<FtpFile> list(String directory, FileDetail detail) throws IOException {
        String virtual = checkedPath(directory);
        DirectoryStream<Path> handle = access.openDirectory(jail.existingDirectory(virtual), virtual);
        // basic facts are read beside the open directory (fstatat) where the provider can: no path walk per entry
        BasicReader basic = detail == FileDetail.BASIC && handle instanceof SecureDirectoryStream<Path> secure
                ? entry -> secure.getFileAttributeView(entry.fileName(), BasicFileAttributeView.class, NO_FOLLOW)
                        .readAttributes()
                : entry -> Files.readAttributes(entry.path(), BasicFileAttributes.class, NO_FOLLOW);
        FileFacts listingFacts = facts.forOneListing();
        return entries(handle, virtual).map(entry -> entryFacts(entry, virtual, detail, basic, listingFacts))
                .filter(Objects::nonNull);
    }

    /** NLST: the names as the directory gives them, without a lookup per entry. */
    @Override
    public Stream<String> names(String directory) throws IOException {
        String virtual = checkedPath(directory);
        return entries(access.openDirectory(jail.existingDirectory(virtual), virtual), virtual).map(Entry::name);
    }

    /** One entry of a directory being listed: its real path, and its name as a path and as text. */
    private record Entry(Path path, Path fileName, String name) {
    }

    /** Reads the basic attributes of a listed entry. */
    private interface BasicReader {
        BasicFileAttributes read(Entry entry) throws IOException;
    }

    /** The entries of an open, checked directory, read as the stream is consumed; closing it closes the handle. */
    private Stream<Entry> entries(DirectoryStream<Path> handle, String virtualDirectory) {
        Iterator<Path> paths = handle.iterator();
        Iterator<Entry> entries = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return paths.hasNext();
                } catch (DirectoryIteratorException e) {
                    throw new UncheckedIOException(jailErrors(e.getCause(), virtualDirectory));
                }
            }

            @Override
            public Entry next() {
                Path path = paths.next();
                Path fileName = path.getFileName();
                return new Entry(path, fileName, fileName.toString());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries, Spliterator.ORDERED | Spliterator.NONNULL),
                false)
                // uploads in progress are nobody's business until they are renamed onto their targets
                .filter(entry -> !Uploads.isTemporary(entry.name()))
                .onClose(() -> closeQuietly(handle));
    }

    /**
     * One listing entry: a link whose target is inside is shown as its target (as {@code ls -L} would); a link
     * leading outside, or nowhere, is shown as the link itself. {@code null} when the entry vanished.
     */
    private FtpFile entryFacts(Entry entry, String virtualDirectory, FileDetail detail, BasicReader basic,
            FileFacts listingFacts) {
        String name = entry.name();
        String virtual = VirtualPaths.child(virtualDirectory, name);
        try {
            FtpFile own = detail == FileDetail.BASIC
                    ? FileFacts.basic(basic.read(entry), virtual, name)
                    : listingFacts.read(entry.path(), virtual, name, detail);
            if (own.type() == FtpFile.Type.SYMLINK) {
                try {
                    Path target = entry.path().toRealPath();
                    if (jail.contains(target)) {
                        return listingFacts.read(target, virtual, name, detail);
                    }
                } catch (IOException e) {
                    // dangling link: show the link itself
                }
            }
            return own;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.debug("skipping {} in a listing: {}", virtual, e.toString());
            return null;
        }
    }

    @Override
    public SeekableByteChannel openForRead(String path, long offset) throws IOException {
        String virtual = checkedPath(path);
        requireOffset(offset, virtual);
        Path real = jail.existingTarget(virtual);
        // a directory, and a FIFO above all: opening one for reading would wait for a writer
        if (!Files.isRegularFile(real, NO_FOLLOW)) {
            throw new FileSystemException(virtual, null, "Not a regular file");
        }
        SeekableByteChannel channel = access.openFile(real, EnumSet.of(StandardOpenOption.READ), virtual);
        if (offset > 0) {
            try {
                channel.position(offset);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        return channel;
    }

    @Override
    public SeekableByteChannel openForWrite(String path, WriteMode mode, long offset) throws IOException {
        String virtual = checkedPath(path);
        Objects.requireNonNull(mode, "mode");
        requireOffset(offset, virtual);
        return uploads.open(virtual, mode, offset);
    }

    @Override
    public void createDirectory(String path) throws IOException {
        String virtual = checkedPath(path);
        Path entry = jail.newEntry(virtual);
        if (Files.exists(entry, NO_FOLLOW)) {
            throw new FileAlreadyExistsException(virtual);
        }
        access.createDirectory(entry, virtual);
        uploads.directoryCreated(entry, virtual);
    }

    @Override
    public void deleteDirectory(String path) throws IOException {
        String virtual = checkedPath(path);
        Path entry = jail.existingEntry(virtual);
        if (!Files.isDirectory(entry, NO_FOLLOW)) {
            throw new NotDirectoryException(virtual);
        }
        access.deleteDirectory(entry, virtual);
    }

    @Override
    public void deleteFile(String path) throws IOException {
        String virtual = checkedPath(path);
        Path entry = jail.existingEntry(virtual);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, NO_FOLLOW);
        } catch (IOException e) {
            throw errors.translate(e, virtual);
        }
        if (attributes.isDirectory()) {
            throw new FileSystemException(virtual, null, "Is a directory");
        }
        access.deleteFile(entry, virtual);
        if (quota != null && attributes.isRegularFile()) {
            quota.release(attributes.size());
        }
    }

    @Override
    public void rename(String from, String to) throws IOException {
        String virtualFrom = checkedPath(from);
        String virtualTo = checkedPath(to);
        Path source = jail.existingEntry(virtualFrom);
        Path target = jail.newEntry(virtualTo);
        if (Files.exists(target, NO_FOLLOW)) {
            throw new FileAlreadyExistsException(virtualTo);
        }
        access.move(source, virtualFrom, target, virtualTo);
    }

    @Override
    public void setPermissions(String path, int mode) throws IOException {
        String virtual = checkedPath(path);
        if (mode < 0 || mode > 0777) {
            throw new FileSystemException(virtual, null, "mode must be between 0 and 0777: " + Integer.toOctalString(mode));
        }
        Path real = jail.existingTarget(virtual);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                permissions.add(p);
            }
        }
        access.updateAttributes(real, PosixFileAttributeView.class, virtual, view -> view.setPermissions(permissions));
    }

    @Override
    public void setLastModified(String path, Instant time) throws IOException {
        String virtual = checkedPath(path);
        Objects.requireNonNull(time, "time");
        Path real = jail.existingTarget(virtual);
        FileTime fileTime = FileTime.from(time);
        access.updateAttributes(real, BasicFileAttributeView.class, virtual,
                view -> view.setTimes(fileTime, null, null));
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Re-normalises what the caller passes (it should come from {@link #resolve}) and refuses after close. */
    private String checkedPath(String path) {
        if (closed) {
            throw new ClosedFileSystemException();
        }
        return VirtualPaths.normalize(path);
    }

    private static void requireOffset(long offset, String virtual) throws FileSystemException {
        if (offset < 0) {
            throw new FileSystemException(virtual, null, "negative offset " + offset);
        }
    }

    private IOException jailErrors(IOException e, String virtual) {
        return e instanceof FileSystemException fse && virtual.equals(fse.getFile()) ? e
                : new FileSystemException(virtual, null, "cannot read the directory");
    }

    private static void closeQuietly(DirectoryStream<Path> stream) {
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debug("closing a directory stream", e);
        }
    }
}
