package org.ftpd.filesystems.internal;

import java.nio.file.InvalidPathException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Virtual path arithmetic (pyftpdlib's {@code ftpnorm}): virtual paths are absolute, {@code /}-separated, with no
 * {@code .}, {@code ..}, empty segments or trailing slash, and {@code /} is the top. Only {@code /} separates
 * segments; a backslash is an ordinary character.
 */
public final class VirtualPaths {

    public static final String ROOT = "/";

    private VirtualPaths() {
    }

    /**
     * Normalises {@code path} against the current directory {@code cwd}.
     *
     * @throws InvalidPathException when either contains NUL
     */
    public static String normalize(String cwd, String path) {
        String base = cwd == null || cwd.isEmpty() ? ROOT : cwd;
        String input = path == null ? "" : path;
        rejectNul(base);
        rejectNul(input);
        Deque<String> segments = new ArrayDeque<>();
        if (!input.startsWith("/")) {
            push(segments, base);
        }
        push(segments, input);
        if (segments.isEmpty()) {
            return ROOT;
        }
        StringBuilder sb = new StringBuilder(input.length() + base.length());
        for (String s : segments) {
            sb.append('/').append(s);
        }
        return sb.toString();
    }

    /** Normalises an absolute virtual path (defensive re-check of what callers pass in). */
    public static String normalize(String path) {
        return normalize(ROOT, path);
    }

    /** The parent of a normalised path; the parent of {@code /} is {@code /}. */
    public static String parent(String normalized) {
        int slash = normalized.lastIndexOf('/');
        return slash <= 0 ? ROOT : normalized.substring(0, slash);
    }

    /** The last segment of a normalised path, {@code /} for the root. */
    public static String name(String normalized) {
        return ROOT.equals(normalized) ? ROOT : normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    /** A child of a normalised directory path. */
    public static String child(String directory, String name) {
        return ROOT.equals(directory) ? ROOT + name : directory + '/' + name;
    }

    private static void push(Deque<String> segments, String path) {
        int start = 0;
        int length = path.length();
        while (start <= length) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? length : slash;
            String segment = path.substring(start, end);
            if (segment.equals("..")) {
                // never above the top: ".." at "/" stays at "/"
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
            start = end + 1;
        }
    }

    private static void rejectNul(String path) {
        int nul = path.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidPathException(path.replace('\0', '?'), "NUL character in path", nul);
        }
    }
}
