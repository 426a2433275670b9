package org.ftpd.api;

import java.nio.file.FileSystemException;

/**
 * The write would take the user past the storage allocated to them (quota); FTP answers 552. The file is the
 * virtual path.
 *
 * @since 1.1
 */
public class QuotaExceededException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String file, String reason) {
        super(file, null, reason);
    }
}
