package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.ftpd.api.FtpFile;

/**
 * Reads the metadata of one entry into an {@link FtpFile}, with as much as the provider offers: the
 * {@code unix} view (mode, link count, device and inode, owner and group), else {@code posix}, else
 * {@code basic}. Links are never followed here: callers pass a checked, link-free path for targets.
 */
final class FileFacts {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final String UNIX_ATTRIBUTES =
            "unix:mode,ino,dev,nlink,uid,gid,size,lastModifiedTime";
    // the type from st_mode: every attribute name asked costs the JDK a parse and lookups, per entry of a listing
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    private final boolean unix;
    private final boolean posix;
    // user and group names by number: a listing of a big directory then asks the name service once per owner
    private final PrincipalNames names;

    FileFacts(FileSystem fileSystem) {
        this(fileSystem, new PrincipalNames());
    }

    FileFacts(FileSystem fileSystem, PrincipalNames names) {
        Set<String> views = fileSystem.supportedFileAttributeViews();
        this.unix = views.contains("unix");
        this.posix = views.contains("posix");
        this.names = names;
    }

    /** Whether the provider has Unix permission bits (chmod, umask). */
    boolean hasPermissions() {
        return posix;
    }

    FtpFile read(Path real, String virtualPath, String name) throws IOException {
        if (unix) {
            return readUnix(real, virtualPath, name);
        }
        if (posix) {
            PosixFileAttributes a = Files.readAttributes(real, PosixFileAttributes.class, NO_FOLLOW);
            return new FtpFile(name, virtualPath, typeOf(a), a.size(), instant(a.lastModifiedTime()),
                    modeOf(a.permissions()), nameOf(a.owner()), nameOf(a.group()), 1, keyOf(a));
        }
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, NO_FOLLOW);
        return new FtpFile(name, virtualPath, typeOf(a), a.size(), instant(a.lastModifiedTime()), -1, null, null, 1,
                keyOf(a));
    }

    private FtpFile readUnix(Path real, String virtualPath, String name) throws IOException {
        Map<String, Object> a = Files.readAttributes(real, UNIX_ATTRIBUTES, NO_FOLLOW);
        int mode = number(a.get("mode"));
        FtpFile.Type type = typeOfMode(mode);
        if (type == null) {
            // a provider whose mode carries no file-type bits
            type = typeOf(Files.readAttributes(real, BasicFileAttributes.class, NO_FOLLOW));
        }
        // Number, not Integer/Long: other providers (Jimfs) type these differently
        int uid = number(a.get("uid"));
        int gid = number(a.get("gid"));
        String owner = names.user(uid, real);
        String group = names.group(gid, real);
        return new FtpFile(name, virtualPath, type, ((Number) a.get("size")).longValue(),
                instant((FileTime) a.get("lastModifiedTime")), mode & 07777, owner, group,
                Math.max(1, number(a.get("nlink"))), hex(a.get("dev")) + "g" + hex(a.get("ino")), uid, gid);
    }

    private static FtpFile.Type typeOfMode(int mode) {
        return switch (mode & S_IFMT) {
            case 0 -> null;
            case S_IFDIR -> FtpFile.Type.DIRECTORY;
            case S_IFREG -> FtpFile.Type.FILE;
            case S_IFLNK -> FtpFile.Type.SYMLINK;
            default -> FtpFile.Type.OTHER;
        };
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    /** Like pyftpdlib's MLSD unique fact: device and inode in hex. */
    private static String hex(Object value) {
        return value instanceof Number n ? Long.toHexString(n.longValue()) : String.valueOf(value);
    }

    static int modeOf(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            // OWNER_READ is the first constant and the highest bit (0400), OTHERS_EXECUTE the last (0001)
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    private static FtpFile.Type typeOf(BasicFileAttributes a) {
        if (a.isDirectory()) {
            return FtpFile.Type.DIRECTORY;
        }
        if (a.isRegularFile()) {
            return FtpFile.Type.FILE;
        }
        return a.isSymbolicLink() ? FtpFile.Type.SYMLINK : FtpFile.Type.OTHER;
    }

    private static String keyOf(BasicFileAttributes a) {
        Object key = a.fileKey();
        return key == null ? null : key.toString();
    }

    private static String nameOf(UserPrincipal principal) {
        return principal == null ? null : principal.getName();
    }

    private static Instant instant(FileTime time) {
        return time == null ? Instant.EPOCH : time.toInstant();
    }
}
