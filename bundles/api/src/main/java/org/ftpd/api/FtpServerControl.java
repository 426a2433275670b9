package org.ftpd.api;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Operations on a running FTP server, for operators (console, JMX) and other bundles. The engine registers it
 * as an OSGi service while the server listens, and withdraws it when the server stops. Every method may be
 * called from any thread and returns quickly.
 */
@ProviderType
public interface FtpServerControl {

    /** Where the server listens now: the control port first, then the implicit FTPS port if any. */
    List<InetSocketAddress> listenAddresses();

    /** When the server last started listening. */
    Instant runningSince();

    /** The counters now. */
    ServerCounters counters();

    /** The open control connections, oldest first. */
    List<LiveSession> sessions();

    /** One open control connection by its {@link SessionInfo#id()}, if it is still open. */
    Optional<LiveSession> session(String id);

    /**
     * Ends a session: the client gets a 421 reply carrying {@code reason} and the connection closes; a transfer in
     * progress is broken off and reported as incomplete (and counted as aborted).
     *
     * @param id the session's {@link SessionInfo#id()}
     * @param reason text of the 421 reply; null or blank for a default
     * @return whether such a session was open
     */
    boolean closeSession(String id, String reason);

    /**
     * Ends every session logged in as {@code userName}, as {@link #closeSession} does.
     *
     * @return how many sessions were closed
     */
    int closeSessionsOf(String userName, String reason);
}
