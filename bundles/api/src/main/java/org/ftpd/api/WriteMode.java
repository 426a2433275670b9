package org.ftpd.api;

/** How {@link FtpFileSystem#openForWrite} opens a file. */
public enum WriteMode {
    /** Create the file or replace its content (STOR). */
    TRUNCATE,
    /** Create the file or add to its end (APPE). */
    APPEND,
    /** Write from an offset, keeping what lies before it (REST + STOR). */
    RESUME,
    /** Create a file that must not exist yet (STOU). */
    CREATE_NEW
}
