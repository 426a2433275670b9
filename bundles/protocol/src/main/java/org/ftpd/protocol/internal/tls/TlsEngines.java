package org.ftpd.protocol.internal.tls;

import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.ftpd.api.TlsContextProvider;

/** Makes the server-side engines and TLS handlers of control and data connections. */
public final class TlsEngines {

    /** A control connection's engine and the context it came from. */
    public record ControlEngine(SSLContext context, SSLEngine engine) {
    }

    private TlsEngines() {
    }

    /**
     * An engine for a control connection, with the context it belongs to. The provider may reload its material
     * at any time; the context is read on both sides of the engine's creation so the pair is consistent.
     */
    public static ControlEngine control(TlsContextProvider provider) {
        ControlEngine pair = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            SSLContext before = provider.context();
            SSLEngine engine = provider.newServerEngine();
            pair = new ControlEngine(before, engine);
            if (provider.context() == before) {
                break;
            }
        }
        return pair;
    }

    /**
     * An engine for a data connection of a session: the provider's when its context is still the control
     * connection's (so its configuration applies), else one from the control connection's context with its
     * parameters, so that the client can resume the control connection's session.
     */
    public static SSLEngine data(TlsContextProvider provider, SessionTls tls) {
        if (provider != null && provider.context() == tls.context()) {
            return provider.newServerEngine();
        }
        SSLEngine engine = tls.context().createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(tls.parameters());
        return engine;
    }

    /**
     * A server-side handler whose handshake must complete within {@code timeout} (a silent peer cannot hold the
     * connection).
     *
     * @param startTls whether the first write passes in clear (the 234 reply to AUTH)
     */
    public static SslHandler handler(SSLEngine engine, boolean startTls, Duration timeout) {
        SslHandler handler = new SslHandler(engine, startTls);
        handler.setHandshakeTimeoutMillis(Math.max(1, timeout.toMillis()));
        return handler;
    }
}
