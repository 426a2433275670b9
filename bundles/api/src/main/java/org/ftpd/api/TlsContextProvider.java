package org.ftpd.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands out TLS engines for the control and data channels from the current key material. Implementations
 * re-read their key material when their configuration or key files change; engines already handed out keep
 * the material they were made with.
 */
@ProviderType
public interface TlsContextProvider {

    /** The current context; may wait until {@link #ready()} completes. */
    SSLContext context();

    /**
     * A new server-side engine with the configured protocols, cipher suites and client authentication; may wait
     * until {@link #ready()} completes.
     */
    SSLEngine newServerEngine();

    /**
     * Completes once the key material is in, so that {@link #context()} and {@link #newServerEngine()} answer
     * without waiting; completes exceptionally when there is none to be had. A provider that loads its material
     * in the background (the first start of a server makes its certificate) registers at once and completes this
     * later: the engine accepts FTP meanwhile and holds a TLS handshake, off its network threads, until then.
     *
     * @since 1.5
     */
    default CompletionStage<Void> ready() {
        return CompletableFuture.completedFuture(null);
    }
}
