package org.ftpd.protocol.internal.tls;

import javax.net.ssl.SSLSession;

/**
 * Whether a data connection's TLS session is the control connection's, resumed (RFC 4217 section 10.2 and the
 * rule of vsftpd and FileZilla Server: otherwise anyone who can reach the data port with a TLS client of their
 * own could take the data connection over).
 *
 * <p>The JDK tells no "resumed" flag. A TLS 1.2 resumption hands back the cached session itself; a TLS 1.3
 * resumption (PSK) makes a new session with a new id but carrying the original's creation time, which is
 * sealed in the server's encrypted ticket. A full handshake on the data connection creates its session later
 * than the control connection's. So: same protocol and same creation time.
 */
public final class SessionReuse {

    private SessionReuse() {
    }

    public static boolean resumes(SSLSession control, SSLSession data) {
        if (control == null || data == null) {
            return false;
        }
        return control.getProtocol().equals(data.getProtocol()) && control.getCreationTime() == data.getCreationTime();
    }
}
