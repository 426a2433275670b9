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
import org.ftpd.api.FileDetail;
import org.ftpd.api.FtpFile;

/**
 * Reads the metadata of one entry into an {@link FtpFile}. {@link FileDetail#FULL} takes as much as the provider
 * offers: the {@code unix} view (mode, link count, owner and group), else {@code posix}, else {@code basic}.
 * {@link FileDetail#BASIC} takes the basic attributes alone, which the JDK reads without building a map per
 * entry. Links are never followed here: callers pass a checked, link-free path for targets.
 */
final class FileFacts {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final String UNIX_ATTRIBUTES =
            "unix:mode,nlink,uid,gid,size,lastModifiedTime,fileKey";
    // the type from st_mode: every attribute name asked costs the JDK a parse and lookups, per entry of a listing
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    private final boolean unix;
    private final boolean posix;
    // user and group names by number: a listing of a big directory then asks the name service once per owner
    private final PrincipalNames sharedNames;
    private final OwnerNames names;

    FileFacts(FileSystem fileSystem) {
        this(fileSystem, new PrincipalNames());
    }

    FileFacts(FileSystem fileSystem, PrincipalNames names) {
        Set<String> views = fileSystem.supportedFileAttributeViews();
        this.unix = views.contains("unix");
        this.posix = views.contains("posix");
        this.sharedNames = names;
        this.names = names;
    }

    private FileFacts(FileFacts shared) {
        this.unix = shared.unix;
        this.posix = shared.posix;
        this.sharedNames = shared.sharedNames;
        this.names = shared.sharedNames.forOneListing();
    }

    /** A reader for the entries of one listing, read by one thread at a time. */
    FileFacts forOneListing() {
        return unix ? new FileFacts(this) : this;
    }

    /** Whether the provider has Unix permission bits (chmod, umask). */
    boolean hasPermissions() {
        return posix;
    }

    /** Every fact the provider has. */
    FtpFile read(Path real, String virtualPath, String name) throws IOException {
        return read(real, virtualPath, name, FileDetail.FULL);
    }

    FtpFile read(Path real, String virtualPath, String name, FileDetail detail) throws IOException {
        if (detail == FileDetail.BASIC) {
            return basic(Files.readAttributes(real, BasicFileAttributes.class, NO_FOLLOW), virtualPath, name);
        }
        if (unix) {
            return readUnix(real, virtualPath, name);
        }
        if (posix) {
            PosixFileAttributes a = Files.readAttributes(real, PosixFileAttributes.class, NO_FOLLOW);
            return new FtpFile(name, virtualPath, typeOf(a), a.size(), instant(a.lastModifiedTime()),
                    modeOf(a.permissions()), nameOf(a.owner()), nameOf(a.group()), 1, uniqueId(a.fileKey()));
        }
        return basic(Files.readAttributes(real, BasicFileAttributes.class, NO_FOLLOW), virtualPath, name);
    }

    /** {@link FileDetail#BASIC} facts from attributes already read (a listing reads them beside its directory). */
    static FtpFile basic(BasicFileAttributes a, String virtualPath, String name) {
        return new FtpFile(name, virtualPath, typeOf(a), a.size(), instant(a.lastModifiedTime()), -1, null, null, 1,
                uniqueId(a.fileKey()));
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
                Math.max(1, number(a.get("nlink"))), uniqueId(a.get("fileKey")), uid, gid);
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

    /**
     * Like pyftpdlib's MLSD unique fact: device and inode in hex, {@code 803g1a2b}. Every level of detail gets it
     * from the file key, the one place the basic attributes carry them: the JDK's key prints as
     * {@code (dev=803,ino=6699)} (device in hex, inode in decimal). Another provider's key is used as it prints.
     */
    static String uniqueId(Object fileKey) {
        if (fileKey == null) {
            return null;
        }
        String key = fileKey.toString();
        int comma = key.indexOf(",ino=");
        if (key.startsWith("(dev=") && comma > 5 && key.endsWith(")")) {
            try {
                long inode = Long.parseLong(key, comma + 5, key.length() - 1, 10);
                return key.substring(5, comma) + "g" + Long.toHexString(inode);
            } catch (NumberFormatException e) {
                // not the JDK's form after all: fall through
            }
        }
        return key;
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

    private static String nameOf(UserPrincipal principal) {
        return principal == null ? null : principal.getName();
    }

    private static Instant instant(FileTime time) {
        return time == null ? Instant.EPOCH : time.toInstant();
    }
}
