package org.ftpd.api;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.InvalidPathException;
import java.time.Instant;
import java.util.stream.Stream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One session's view of a filesystem. Paths are virtual: absolute, {@code /}-separated, {@code /} being the
 * account's home. Every method but {@link #resolve} takes a path that {@link #resolve} returned.
 *
 * <p>Errors are the {@code java.nio.file} exceptions ({@code NoSuchFileException},
 * {@code AccessDeniedException}, {@code FileAlreadyExistsException}, {@code DirectoryNotEmptyException},
 * {@code NotDirectoryException}, ...) whose file is the virtual path, never the real one. A path that would
 * leave the view (through {@code ..} or a symbolic link) fails with {@code AccessDeniedException}.
 *
 * <p>Methods may block; the engine calls them off its network threads.
 */
@ConsumerType
public interface FtpFileSystem extends Closeable {

    /**
     * Normalises a client-supplied path against the current directory, like pyftpdlib's {@code ftpnorm}:
     * the result is absolute, has no {@code .}, {@code ..}, empty segments or trailing slash, and never
     * climbs above {@code /}.
     *
     * @param cwd the current virtual directory (absolute)
     * @param path what the client sent; empty means {@code cwd}
     * @throws InvalidPathException when the path cannot name a file (e.g. it contains NUL)
     */
    String resolve(String cwd, String path);

    /**
     * The virtual directory a session starts in: {@code /} (the home) in a jailed view; the home's real path in
     * an unjailed one.
     *
     * @since 1.1
     */
    default String initialDirectory() {
        return "/";
    }

    /** Facts about one file or directory (symbolic links are followed, within the view). */
    FtpFile stat(String path) throws IOException;

    /** The entries of a directory, streamed; the caller closes the stream. */
    Stream<FtpFile> list(String directory) throws IOException;

    /**
     * The entries of a directory with at least {@code detail} of their facts, streamed; the caller closes the
     * stream. A filesystem for which reading fewer facts costs less should read only what is asked.
     *
     * @since 1.5
     */
    default Stream<FtpFile> list(String directory, FileDetail detail) throws IOException {
        return list(directory);
    }

    /**
     * The names of a directory's entries (NLST), streamed; the caller closes the stream. Same entries as
     * {@link #list}, without their facts: a filesystem that can read names alone should, since NLST of a big
     * directory then costs no lookup per entry.
     *
     * @since 1.4
     */
    default Stream<String> names(String directory) throws IOException {
        return list(directory).map(FtpFile::name);
    }

    /**
     * Opens a file for reading, positioned at {@code offset}. On the default filesystem the channel is a
     * {@link java.nio.channels.FileChannel}, which the engine sends without copying.
     *
     * <p>A path that is not a regular file (a directory, a device, a FIFO) should be refused with a
     * {@link java.nio.file.FileSystemException}: RETR does not look at the path first.
     */
    SeekableByteChannel openForRead(String path, long offset) throws IOException;

    /**
     * Opens a file for writing as {@code mode} says; {@code offset} is used by {@link WriteMode#RESUME}. The
     * channel may be an {@link UploadChannel}: then closing it means the upload succeeded and
     * {@link UploadChannel#abort()} that it failed.
     */
    SeekableByteChannel openForWrite(String path, WriteMode mode, long offset) throws IOException;

    void createDirectory(String path) throws IOException;

    /** Removes an empty directory. */
    void deleteDirectory(String path) throws IOException;

    /** Removes a file (not a directory). */
    void deleteFile(String path) throws IOException;

    /** Renames a file or directory; the target must not exist. */
    void rename(String from, String to) throws IOException;

    /** Sets the Unix permission bits ({@code 0755}...), where the filesystem has them. */
    void setPermissions(String path, int mode) throws IOException;

    void setLastModified(String path, Instant time) throws IOException;

    @Override
    void close() throws IOException;
}
