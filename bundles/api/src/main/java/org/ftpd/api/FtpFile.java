package org.ftpd.api;

import java.time.Instant;

/**
 * Facts about a file, directory or link in an {@link FtpFileSystem}.
 *
 * @param name the last segment of the virtual path ({@code /} for the root)
 * @param path the absolute virtual path
 * @param type what it is
 * @param size size in bytes
 * @param lastModified modification time
 * @param mode Unix permission bits, or -1 when the filesystem has none
 * @param owner owner name or number, or {@code null}
 * @param group group name or number, or {@code null}
 * @param linkCount number of hard links (1 when unknown)
 * @param uniqueId a stable identifier of the underlying file (MLSD {@code unique}), or {@code null}
 * @param uid the numeric owner id, or -1 when the filesystem has none (since 1.2)
 * @param gid the numeric group id, or -1 when the filesystem has none (since 1.2)
 */
public record FtpFile(String name, String path, Type type, long size, Instant lastModified, int mode,
        String owner, String group, int linkCount, String uniqueId, int uid, int gid) {

    /** Facts without numeric owner and group ids (the 1.0 form). */
    public FtpFile(String name, String path, Type type, long size, Instant lastModified, int mode, String owner,
            String group, int linkCount, String uniqueId) {
        this(name, path, type, size, lastModified, mode, owner, group, linkCount, uniqueId, -1, -1);
    }

    /** Kinds of entries. */
    public enum Type {
        FILE, DIRECTORY, SYMLINK, OTHER
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public boolean isFile() {
        return type == Type.FILE;
    }
}
