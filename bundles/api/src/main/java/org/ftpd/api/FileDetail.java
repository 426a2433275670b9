package org.ftpd.api;

/**
 * How much a listing needs to know of each entry, so that a filesystem reads no more than that: on a disk the
 * owner, group and link count of 10,000 entries cost about as much again as their type, size and time.
 *
 * @since 1.5
 */
public enum FileDetail {
    /**
     * The type, size, modification time and unique id (MLSD's default facts). The mode, owner, group, ids and
     * link count may be left unknown ({@code -1}, {@code null}, {@code 1}).
     */
    BASIC,
    /** Every fact the filesystem has (LIST's {@code ls -l} lines, MLSD with {@code unix.} facts). */
    FULL
}
