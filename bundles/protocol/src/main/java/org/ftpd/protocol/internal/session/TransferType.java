package org.ftpd.protocol.internal.session;

/** TYPE: how file content crosses the data connection. */
public enum TransferType {
    /** TYPE A: text, lines end with CRLF on the wire. */
    ASCII,
    /** TYPE I: bytes as they are. */
    BINARY
}
