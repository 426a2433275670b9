package org.ftpd.protocol.internal.data;

import java.io.IOException;

/** The data connection could not be set up (timeout, refused, closed). */
public final class DataConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataConnectionException(String message) {
        super(message);
    }

    public DataConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
