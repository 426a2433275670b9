package org.ftpd.protocol.internal.tls;

import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.codec.FtpReply;

/**
 * The TLS requirements of {@code etc/org.ftpd.cfg} ({@code tls.control.required}, {@code tls.data.required},
 * {@code tls.session.reuse.required}, {@code tls.anonymous.exempt}) applied to a session.
 */
public final class TlsPolicy {

    /** The user name authorizers treat as anonymous. */
    public static final String ANONYMOUS = "anonymous";

    private TlsPolicy() {
    }

    /** Whether {@code user} is exempt from the TLS requirements (anonymous, when so configured). */
    public static boolean exempt(ServerSettings settings, String user) {
        return settings.tlsAnonymousExempt() && ANONYMOUS.equals(user);
    }

    /** The refusal of USER/PASS for {@code user} while the control connection is not protected, or null. */
    public static FtpReply controlRefusal(ServerSettings settings, SessionTls tls, String user) {
        if (!settings.tlsControlRequired() || tls.protectsControl() || exempt(settings, user)) {
            return null;
        }
        return FtpReply.of(534, "Request denied for policy reasons: SSL/TLS required on the control channel "
                + "(use AUTH TLS).");
    }

    /** The refusal of a transfer while data connections are not protected, or null (RFC 4217 section 9). */
    public static FtpReply dataRefusal(ServerSettings settings, SessionTls tls, String user) {
        if (!settings.tlsDataRequired() || tls.privateData() || exempt(settings, user)) {
            return null;
        }
        return FtpReply.of(521, "Data connection cannot be opened with this PROT setting "
                + "(SSL/TLS required on the data channel; use PROT P).");
    }

    /** Whether a protected data connection of {@code user} must resume the control connection's session. */
    public static boolean reuseRequired(ServerSettings settings, String user) {
        return settings.tlsSessionReuseRequired() && !exempt(settings, user);
    }
}
