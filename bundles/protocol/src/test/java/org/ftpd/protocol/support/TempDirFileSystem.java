package org.ftpd.protocol.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.WriteMode;

/**
 * A small test-only view of a directory: virtual paths are normalised like pyftpdlib's ftpnorm and never climb
 * above the root. No symlink jail (the real jailed view lives in bundles/filesystems).
 */
public class TempDirFileSystem implements FtpFileSystem {

    private final Path root;

    public TempDirFileSystem(Path root) {
        this.root = root;
    }

    @Override
    public String resolve(String cwd, String path) {
        if (path.indexOf('\0') >= 0) {
            throw new InvalidPathException(path, "NUL in path");
        }
        String joined = path.startsWith("/") ? path : cwd + "/" + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    public Path real(String virtualPath) {
        return virtualPath.equals("/") ? root : root.resolve(virtualPath.substring(1));
    }

    @Override
    public FtpFile stat(String path) throws IOException {
        return translate(path, () -> toFile(path, real(path)));
    }

    private FtpFile toFile(String path, Path real) throws IOException {
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
        FtpFile.Type type = a.isDirectory() ? FtpFile.Type.DIRECTORY : a.isRegularFile() ? FtpFile.Type.FILE
                : a.isSymbolicLink() ? FtpFile.Type.SYMLINK : FtpFile.Type.OTHER;
        int mode = -1;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real);
            mode = 0;
            for (PosixFilePermission p : perms) {
                mode |= 1 << (8 - p.ordinal());
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX filesystem
        }
        String name = path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
        return new FtpFile(name, path, type, a.size(), a.lastModifiedTime().toInstant(), mode, "1000", "1000", 1,
                String.valueOf(a.fileKey()));
    }

    @Override
    public Stream<FtpFile> list(String directory) throws IOException {
        return translate(directory, () -> {
            Path dir = real(directory);
            if (!Files.isDirectory(dir)) {
                throw new NotDirectoryException(directory);
            }
            List<Path> entries;
            try (Stream<Path> s = Files.list(dir)) {
                entries = s.toList();
            }
            String prefix = directory.equals("/") ? "/" : directory + "/";
            List<FtpFile> files = new java.util.ArrayList<>();
            for (Path p : entries) {
                files.add(toFile(prefix + p.getFileName(), p));
            }
            return files.stream();
        });
    }

    @Override
    public SeekableByteChannel openForRead(String path, long offset) throws IOException {
        return translate(path, () -> {
            Path real = real(path);
            if (!Files.isRegularFile(real)) {
                throw new FileSystemException(path, null, "Not a regular file");
            }
            FileChannel ch = FileChannel.open(real, StandardOpenOption.READ);
            ch.position(offset);
            return ch;
        });
    }

    @Override
    public SeekableByteChannel openForWrite(String path, WriteMode mode, long offset) throws IOException {
        return translate(path, () -> {
            Path real = real(path);
            if (Files.isDirectory(real)) {
                throw new FileSystemException(path, null, "is a directory");
            }
            return switch (mode) {
                case TRUNCATE -> FileChannel.open(real, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                case APPEND -> FileChannel.open(real, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                case RESUME -> {
                    FileChannel ch = FileChannel.open(real, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
                    ch.position(offset);
                    yield ch;
                }
                case CREATE_NEW -> FileChannel.open(real, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            };
        });
    }

    @Override
    public void createDirectory(String path) throws IOException {
        translate(path, () -> Files.createDirectory(real(path)));
    }

    @Override
    public void deleteDirectory(String path) throws IOException {
        translate(path, () -> {
            if (!Files.isDirectory(real(path))) {
                throw new NotDirectoryException(path);
            }
            Files.delete(real(path));
            return null;
        });
    }

    @Override
    public void deleteFile(String path) throws IOException {
        translate(path, () -> {
            if (Files.isDirectory(real(path))) {
                throw new FileSystemException(path, null, "is a directory");
            }
            Files.delete(real(path));
            return null;
        });
    }

    @Override
    public void rename(String from, String to) throws IOException {
        translate(from, () -> Files.move(real(from), real(to)));
    }

    @Override
    public void setPermissions(String path, int mode) throws IOException {
        translate(path, () -> {
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission p : PosixFilePermission.values()) {
                if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                    perms.add(p);
                }
            }
            return Files.setPosixFilePermissions(real(path), perms);
        });
    }

    @Override
    public void setLastModified(String path, Instant time) throws IOException {
        translate(path, () -> Files.setLastModifiedTime(real(path), FileTime.from(time)));
    }

    @Override
    public void close() {
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    /** Re-throws with the virtual path, so no real path reaches a reply. */
    private static <T> T translate(String path, Io<T> io) throws IOException {
        try {
            return io.run();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(path);
        } catch (DirectoryNotEmptyException e) {
            throw new DirectoryNotEmptyException(path);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(path);
        } catch (NotDirectoryException e) {
            throw new NotDirectoryException(path);
        }
    }
}
