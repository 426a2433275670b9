package org.ftpd.api;

/**
 * One of pyftpdlib's permission letters. Read letters: {@code e l r}; write letters: {@code a d f m w M T}.
 */
public enum Permission {
    /** change directory (CWD, CDUP). */
    CHANGE_DIR('e', false),
    /** list files (LIST, NLST, STAT, MLSD, MLST, SIZE, MDTM). */
    LIST('l', false),
    /** retrieve a file (RETR). */
    RETRIEVE('r', false),
    /** append to a file (APPE). */
    APPEND('a', true),
    /** delete a file or directory (DELE, RMD). */
    DELETE('d', true),
    /** rename a file or directory (RNFR, RNTO). */
    RENAME('f', true),
    /** create a directory (MKD). */
    MAKE_DIR('m', true),
    /** store a file (STOR, STOU). */
    WRITE('w', true),
    /** change mode (SITE CHMOD). */
    CHMOD('M', true),
    /** change modification time (MFMT). */
    SET_TIME('T', true);

    private final char letter;
    private final boolean write;

    Permission(char letter, boolean write) {
        this.letter = letter;
        this.write = write;
    }

    public char letter() {
        return letter;
    }

    /** Whether this permission lets a client change the filesystem. */
    public boolean isWrite() {
        return write;
    }

    /** The permission for a letter, or {@code null} when the letter is not one of {@code elradfmwMT}. */
    public static Permission ofLetter(char letter) {
        for (Permission p : values()) {
            if (p.letter == letter) {
                return p;
            }
        }
        return null;
    }
}
