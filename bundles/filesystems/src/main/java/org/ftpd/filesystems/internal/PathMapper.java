package org.ftpd.filesystems.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Maps normalised virtual paths to paths below a root of any NIO provider and back (pyftpdlib's
 * {@code ftp2fs} / {@code fs2ftp}). Purely lexical: the {@link Jail} decides what may be touched.
 */
final class PathMapper {

    private final Path root;

    PathMapper(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * The real path for a normalised virtual path. Each virtual segment must stay one name of the provider, so
     * a provider whose separator is not {@code /} (a backslash on Windows) cannot split a segment in two.
     */
    Path toReal(String virtual) {
        Path real = root;
        if (VirtualPaths.ROOT.equals(virtual)) {
            return real;
        }
        for (String segment : virtual.substring(1).split("/", -1)) {
            real = real.resolve(oneName(virtual, segment));
        }
        return real;
    }

    /** The virtual path of a real path below the root. */
    String toVirtual(Path real) {
        Path relative = root.relativize(real);
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            return VirtualPaths.ROOT;
        }
        StringBuilder sb = new StringBuilder();
        for (Path name : relative) {
            String s = name.toString();
            if (s.equals("..")) {
                throw new IllegalArgumentException("not below the root");
            }
            sb.append('/').append(s);
        }
        return sb.toString();
    }

    private Path oneName(String virtual, String segment) {
        Path name;
        try {
            name = root.getFileSystem().getPath(segment);
        } catch (InvalidPathException e) {
            throw new InvalidPathException(virtual, "not a valid file name here: " + e.getReason());
        }
        if (name.isAbsolute() || name.getRoot() != null || name.getNameCount() != 1
                || segment.isEmpty() || !name.toString().equals(segment) || segment.equals("..") || segment.equals(".")) {
            throw new InvalidPathException(virtual, "segment \"" + segment + "\" is not a single file name");
        }
        return name;
    }
}
