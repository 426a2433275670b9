package org.ftpd.protocol.internal.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The TLS state of one control connection (RFC 4217): whether TLS was started (AUTH or implicit), the context
 * its engine came from (data connections take theirs from the same context, so they can resume the control
 * connection's session even after the provider has reloaded its key material), PBSZ and PROT, and CCC.
 * Mutated on the connection's event loop only.
 */
public final class SessionTls {

    private SSLContext context;
    private SSLParameters parameters;
    private SSLSession controlSession;
    private boolean implicit;
    private boolean pbsz;
    private boolean privateData;
    private boolean cleared;

    /** Records the engine of the control connection (AUTH, or the implicit port's handshake). */
    public void started(TlsEngines.ControlEngine engine, boolean implicitTls) {
        context = engine.context();
        parameters = engine.engine().getSSLParameters();
        implicit = implicitTls;
        cleared = false;
        // on the implicit port, PBSZ 0 and PROT P are assumed (the usual practice for implicit FTPS)
        pbsz = implicitTls;
        privateData = implicitTls;
    }

    /** The control connection's handshake completed. */
    public void established(SSLSession session) {
        controlSession = session;
    }

    /** Whether TLS was started on the control connection (it may since have been cleared by CCC). */
    public boolean started() {
        return context != null;
    }

    /** Whether the control connection is protected now. */
    public boolean protectsControl() {
        return context != null && !cleared;
    }

    public boolean implicit() {
        return implicit;
    }

    public SSLContext context() {
        return context;
    }

    public SSLParameters parameters() {
        return parameters;
    }

    /** The control connection's TLS session (kept after CCC), or null before its handshake completed. */
    public SSLSession controlSession() {
        return controlSession;
    }

    public boolean pbsz() {
        return pbsz;
    }

    public void pbsz(boolean value) {
        pbsz = value;
    }

    /** Whether data connections are protected (PROT P). */
    public boolean privateData() {
        return privateData;
    }

    public void privateData(boolean value) {
        privateData = value;
    }

    /** CCC: the control connection goes on in clear; data protection stays as it is (RFC 4217 section 10). */
    public void cleared() {
        cleared = true;
    }
}
