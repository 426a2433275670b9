package org.ftpd.protocol.internal.data;

/** Socket settings shared by passive and active data connections. */
final class DataSockets {

    /**
     * Nagle stays on for data connections (Netty turns it off by default). A download goes out as many small
     * sendfile calls, and Nagle joins them into full segments, so the client is woken per 64 KiB segment rather
     * than per call; closing the connection flushes the tail at once, so small files are not delayed.
     */
    static final boolean NO_DELAY = Boolean.getBoolean("ftpd.nodelay");

    private DataSockets() {
    }
}
