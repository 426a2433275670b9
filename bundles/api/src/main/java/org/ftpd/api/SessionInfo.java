package org.ftpd.api;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/** Read-only facts about a control connection, for event listeners and SITE commands. */
@ProviderType
public interface SessionInfo {

    /** A short identifier unique within the server's lifetime. */
    String id();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** The logged-in user's name, or {@code null} before login. */
    String userName();

    /** Whether the control connection is protected by TLS. */
    boolean secure();

    Instant connectedAt();
}
