package org.ftpd.protocol.internal.session;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.ftpd.api.SessionInfo;

/** The facts of a session at one moment, for events delivered later on another thread. */
record SessionSnapshot(String id, InetSocketAddress remoteAddress, InetSocketAddress localAddress, String userName,
        boolean secure, Instant connectedAt) implements SessionInfo {
}
