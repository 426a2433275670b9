package org.ftpd.filesystems.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of PID {@code org.ftpd.fs} (etc/org.ftpd.fs.cfg), validated. A bad value is reported with its
 * key, value and reason, and the previous good value of that key stays in force.
 *
 * @param umask bits cleared from the mode of created files and directories, or -1 to leave that to the
 *     process's own umask
 * @param atomicUploads whether STOR writes a hidden temporary file and renames it onto the target when the
 *     upload completes
 * @param keepPartial whether a broken upload leaves what arrived (for REST resume) or is rolled back
 * @param quotaBytes the most bytes a home may hold, 0 for no quota
 * @param memoryMaxBytes the size of each {@code memory:} tree
 */
record FsSettings(int umask, boolean atomicUploads, boolean keepPartial, long quotaBytes, long memoryMaxBytes) {

    static final String PID = "org.ftpd.fs";
    static final String UMASK = "umask";
    static final String UPLOAD_ATOMIC = "upload.atomic";
    static final String UPLOAD_PARTIAL = "upload.partial";
    static final String QUOTA_BYTES = "quota.bytes";
    static final String MEMORY_MAX_BYTES = "memory.max.bytes";

    static final String PARTIAL_KEEP = "keep";
    static final String PARTIAL_DELETE = "delete";
    /** Jimfs allocates in blocks of 8 KiB; a tree smaller than a few blocks is useless. */
    static final long MIN_MEMORY_BYTES = 64 * 1024;

    static final FsSettings DEFAULTS = new FsSettings(-1, false, true, 0, 64L * 1024 * 1024);

    /** One rejected value. */
    record Problem(String key, Object value, String reason, String kept) {
        @Override
        public String toString() {
            return PID + ": invalid value for configuration key '" + key + "': '" + value + "' (" + reason
                    + "); keeping " + kept;
        }
    }

    /**
     * The settings {@code raw} asks for: a key that is absent takes its default, a bad value is replaced by the
     * key's value in {@code previous} (the last good one).
     */
    static FsSettings parse(Map<String, ?> raw, FsSettings previous, List<Problem> problems) {
        int umask = DEFAULTS.umask;
        Object value = raw.get(UMASK);
        if (value != null) {
            try {
                umask = parseUmask(value);
            } catch (IllegalArgumentException e) {
                umask = previous.umask;
                problems.add(new Problem(UMASK, value, e.getMessage(), describeUmask(umask)));
            }
        }
        boolean atomic = DEFAULTS.atomicUploads;
        value = raw.get(UPLOAD_ATOMIC);
        if (value != null && !String.valueOf(value).isBlank()) {
            try {
                atomic = parseBoolean(value);
            } catch (IllegalArgumentException e) {
                atomic = previous.atomicUploads;
                problems.add(new Problem(UPLOAD_ATOMIC, value, e.getMessage(), String.valueOf(atomic)));
            }
        }
        boolean keep = DEFAULTS.keepPartial;
        value = raw.get(UPLOAD_PARTIAL);
        if (value != null && !String.valueOf(value).isBlank()) {
            String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
            if (text.equals(PARTIAL_KEEP) || text.equals(PARTIAL_DELETE)) {
                keep = text.equals(PARTIAL_KEEP);
            } else {
                keep = previous.keepPartial;
                problems.add(new Problem(UPLOAD_PARTIAL, value, "expected keep or delete",
                        keep ? PARTIAL_KEEP : PARTIAL_DELETE));
            }
        }
        long quota = DEFAULTS.quotaBytes;
        value = raw.get(QUOTA_BYTES);
        if (value != null) {
            try {
                quota = parseBytes(value, DEFAULTS.quotaBytes);
            } catch (IllegalArgumentException e) {
                quota = previous.quotaBytes;
                problems.add(new Problem(QUOTA_BYTES, value, e.getMessage(), String.valueOf(quota)));
            }
        }
        long memory = DEFAULTS.memoryMaxBytes;
        value = raw.get(MEMORY_MAX_BYTES);
        if (value != null) {
            try {
                memory = parseBytes(value, DEFAULTS.memoryMaxBytes);
                if (memory < MIN_MEMORY_BYTES) {
                    throw new IllegalArgumentException("less than " + MIN_MEMORY_BYTES + " bytes");
                }
            } catch (IllegalArgumentException e) {
                memory = previous.memoryMaxBytes;
                problems.add(new Problem(MEMORY_MAX_BYTES, value, e.getMessage(), String.valueOf(memory)));
            }
        }
        return new FsSettings(umask, atomic, keep, quota, memory);
    }

    /** Settings from a raw configuration, starting from the defaults. */
    static FsSettings parse(Map<String, ?> raw) {
        List<Problem> problems = new ArrayList<>();
        FsSettings settings = parse(raw, DEFAULTS, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString());
        }
        return settings;
    }

    /**
     * Octal permission bits: {@code 022}, {@code 0027}, {@code 77}; empty means the process's own umask (-1).
     *
     * @throws IllegalArgumentException with the reason
     */
    static int parseUmask(Object raw) {
        if (raw instanceof Number n) {
            // a typed configuration (umask:Integer) holds the decimal number whose digits were meant as octal
            raw = String.valueOf(n.longValue());
        }
        String text = String.valueOf(raw).trim();
        if (text.isEmpty()) {
            return -1;
        }
        if (!text.matches("[0-7]{1,4}")) {
            throw new IllegalArgumentException("expected octal permission bits such as 022 or 077");
        }
        int bits = Integer.parseInt(text, 8);
        if (bits > 0777) {
            throw new IllegalArgumentException("only the permission bits 0-0777 can be masked");
        }
        return bits;
    }

    /**
     * A byte count: a whole number, optionally with a suffix {@code k}, {@code m}, {@code g} or {@code t}
     * (powers of 1024); empty means {@code empty}.
     *
     * @throws IllegalArgumentException with the reason
     */
    static long parseBytes(Object raw, long empty) {
        if (raw instanceof Number n) {
            if (n.longValue() < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            return n.longValue();
        }
        String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return empty;
        }
        long unit = 1;
        char last = text.charAt(text.length() - 1);
        int shift = "kmgt".indexOf(last);
        if (shift >= 0) {
            unit = 1L << (10 * (shift + 1));
            text = text.substring(0, text.length() - 1).trim();
        }
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number of bytes, e.g. 1073741824 or 1g");
        }
        if (number < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        if (number > Long.MAX_VALUE / unit) {
            throw new IllegalArgumentException("too large");
        }
        return number * unit;
    }

    static boolean parseBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    static String describeUmask(int umask) {
        return umask < 0 ? "the process umask" : String.format("%03o", umask);
    }
}
