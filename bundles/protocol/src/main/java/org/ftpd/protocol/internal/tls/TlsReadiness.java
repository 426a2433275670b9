package org.ftpd.protocol.internal.tls;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ftpd.api.TlsContextProvider;

/**
 * Waits for a TLS provider's key material ({@link TlsContextProvider#ready()}) without holding a network thread:
 * on a server's first start the provider may still be making its certificate when the first client asks for TLS.
 */
public final class TlsReadiness {

    /** How long a handshake is held for a provider that is still loading; then the client hears TLS is not there. */
    static final long WAIT_SECONDS = 60;

    private TlsReadiness() {
    }

    /**
     * Runs {@code then} with null once {@code provider} is ready, or with why it is not: at once on this thread when
     * the provider has settled (the usual case), else later on {@code loop}.
     */
    public static void whenReady(TlsContextProvider provider, Executor loop, Consumer<Throwable> then) {
        CompletableFuture<Void> ready = provider.ready().toCompletableFuture();
        if (ready.isDone()) {
            then.accept(failure(ready));
            return;
        }
        // a copy: the timeout must not complete the provider's own future for everyone else
        ready.copy().orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((ignored, failure) -> loop.execute(() -> then.accept(unwrap(failure))));
    }

    private static Throwable failure(CompletableFuture<Void> settled) {
        return settled.handle((ignored, failure) -> unwrap(failure)).join();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
