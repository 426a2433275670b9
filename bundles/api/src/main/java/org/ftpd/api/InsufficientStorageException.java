package org.ftpd.api;

import java.nio.file.FileSystemException;

/**
 * The filesystem has no room for what is being written (disk full); FTP answers 452. The file is the virtual
 * path.
 *
 * @since 1.1
 */
public class InsufficientStorageException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public InsufficientStorageException(String file, String reason) {
        super(file, null, reason);
    }
}
