package org.ftpd.protocol.internal.data;

/** Socket settings shared by passive and active data connections. */
final class DataSockets {

    /**
     * Nagle stays on for data connections (Netty turns it off by default), as vsftpd leaves it: a download's
     * segments then leave full, and closing the connection flushes the tail at once, so small files are not
     * delayed. With it off, 1 GiB downloads here ran at 3.9 GB/s against 5.0 GB/s with it on.
     */
    static final boolean NO_DELAY = Boolean.getBoolean("ftpd.nodelay");

    private DataSockets() {
    }
}
