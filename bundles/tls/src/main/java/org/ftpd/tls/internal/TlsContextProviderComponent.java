package org.ftpd.tls.internal;

import java.io.File;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.ftpd.api.TlsContextProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS provider of the feature, PID {@value TlsConfiguration#PID} ({@code etc/org.ftpd.tls.cfg}, optional).
 * Its key material is the configured keystore or PEM pair, or, when none is configured, a self-signed
 * certificate made on first start in {@code ${karaf.data}/ftpd/tls} (see {@link SelfSignedCertificate}); so FTPS
 * works out of the box and no private key is ever shipped. A bad configuration is logged with key, value and
 * reason and the last good material stays in force (the self-signed one at first start). The key files are
 * looked at again (size and time, at most every {@link #CHECK_INTERVAL_MILLIS} ms, when an engine is asked for)
 * and re-read when they change, so a renewed certificate is used without touching the configuration; engines
 * already handed out, and so the sessions using them, keep theirs.
 */
@Component(configurationPid = TlsConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = TlsContextProvider.class, immediate = true)
@Designate(ocd = TlsConfiguration.class)
public final class TlsContextProviderComponent implements TlsContextProvider {

    static final long CHECK_INTERVAL_MILLIS = 2000;
    // longer than SelfSignedCertificate gives keytool
    private static final long FIRST_LOAD_WAIT_SECONDS = 150;
    private static final Logger LOG = LoggerFactory.getLogger(TlsContextProviderComponent.class);

    private final TlsSettingsParser parser;
    private final long checkIntervalNanos;
    private Path selfSignedDirectory;
    private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    private ExecutorService loader;
    private volatile TlsMaterial material;
    private volatile long lastCheck = System.nanoTime();
    private List<Object> failedStamps;

    public TlsContextProviderComponent() {
        this(karafBase(), null, CHECK_INTERVAL_MILLIS);
    }

    /** @param selfSignedDirectory where the self-signed certificate lives; null: chosen at activation */
    TlsContextProviderComponent(Path base, Path selfSignedDirectory, long checkIntervalMillis) {
        this.parser = new TlsSettingsParser(base);
        this.selfSignedDirectory = selfSignedDirectory;
        this.checkIntervalNanos = TimeUnit.MILLISECONDS.toNanos(checkIntervalMillis);
    }

    /**
     * Starts loading the key material on a thread of its own and returns: on a first start that means making the
     * self-signed certificate (a {@code keytool} run of about a second), which then goes on beside the rest of
     * Karaf's start instead of holding it up. {@link #ready()} completes when the material is in; until then
     * {@link #context()} and {@link #newServerEngine()} wait for it, and the engine holds TLS handshakes.
     */
    @Activate
    void activate(BundleContext bundle, Map<String, Object> properties) {
        if (selfSignedDirectory == null) {
            selfSignedDirectory = selfSignedDirectory(bundle);
        }
        loader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ftpd-tls-loader");
            thread.setDaemon(true);
            return thread;
        });
        loader.execute(() -> loadFirst(properties));
    }

    private void loadFirst(Map<String, Object> properties) {
        TlsMaterial loaded = null;
        try {
            loaded = build(properties);
            if (loaded == null) {
                LOG.error("The TLS configuration {} is invalid (see above); using the self-signed certificate until "
                        + "it is fixed", TlsConfiguration.PID);
                loaded = selfSigned(TlsSettingsParser.defaults());
            }
        } catch (RuntimeException e) {
            LOG.error("TLS: loading the key material failed", e);
        }
        if (loaded == null) {
            LOG.error("No TLS key material is usable (see the errors above); FTPS is not available");
            firstLoad.completeExceptionally(new IllegalStateException("no TLS key material is usable"));
            return;
        }
        material = loaded;
        LOG.info("TLS ready: {}", loaded.settings());
        firstLoad.complete(null);
    }

    /** A new configuration is applied on the loader thread, so after a first load still running, and waited for. */
    @Modified
    void modified(Map<String, Object> properties) {
        Future<?> applied = loader.submit(() -> reconfigure(properties));
        try {
            applied.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("TLS: applying the configuration {} failed", TlsConfiguration.PID, e.getCause());
        }
    }

    private void reconfigure(Map<String, Object> properties) {
        TlsMaterial loaded = build(properties);
        if (loaded == null) {
            LOG.error("The TLS configuration {} is invalid; the previous one stays in force", TlsConfiguration.PID);
            return;
        }
        material = loaded;
        LOG.info("TLS reconfigured: {}", loaded.settings());
    }

    @Deactivate
    void deactivate() {
        loader.shutdownNow();
        firstLoad.completeExceptionally(new IllegalStateException("the TLS provider stopped"));
    }

    @Override
    public CompletionStage<Void> ready() {
        // material from a later configuration counts even if the first load failed
        return material != null ? CompletableFuture.completedFuture(null) : firstLoad;
    }

    private TlsMaterial build(Map<String, Object> properties) {
        TlsSettingsParser.Result result = parser.parse(properties);
        if (!result.valid()) {
            for (TlsSettingsParser.Problem p : result.problems()) {
                LOG.error("TLS configuration {}: {} = \"{}\": {}", TlsConfiguration.PID, p.key(),
                        TlsSettingsParser.masked(p.key(), p.value()), p.reason());
            }
            return null;
        }
        if (result.settings().keys() == null) {
            return selfSigned(result.settings());
        }
        return load(result.settings());
    }

    private TlsMaterial selfSigned(TlsSettings settings) {
        SelfSignedCertificate selfSigned = new SelfSignedCertificate(selfSignedDirectory);
        try {
            SelfSignedCertificate.Result result = selfSigned.ensure();
            X509Certificate certificate = result.certificate();
            LOG.info("TLS: {} self-signed certificate {} for {}, valid until {}, SHA-256 fingerprint {} "
                    + "(configure {} with keystore.path, or certificate.path and private.key.path, for a real one)",
                    result.created() ? "created the" : "using the", selfSigned.keystore(),
                    certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
                    SelfSignedCertificate.fingerprint(certificate), TlsConfiguration.PID);
            return load(settings.withKeys(result.keys()));
        } catch (TlsMaterial.InvalidMaterialException e) {
            LOG.error("TLS: {}", e.getMessage());
            return null;
        }
    }

    private static TlsMaterial load(TlsSettings settings) {
        try {
            return TlsMaterial.load(settings);
        } catch (TlsMaterial.InvalidMaterialException e) {
            LOG.error("TLS configuration {}: {}", TlsConfiguration.PID, e.getMessage());
            return null;
        }
    }

    @Override
    public SSLContext context() {
        return current().context();
    }

    @Override
    public SSLEngine newServerEngine() {
        return current().newServerEngine();
    }

    private TlsMaterial current() {
        if (material == null) {
            awaitFirstLoad();
        }
        long now = System.nanoTime();
        if (now - lastCheck >= checkIntervalNanos) {
            reloadIfFilesChanged(now);
        }
        return material;
    }

    /** Waits for the first load (a caller that did not wait for {@link #ready()}). */
    private void awaitFirstLoad() {
        try {
            firstLoad.get(FIRST_LOAD_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the TLS key material loads", e);
        } catch (ExecutionException e) {
            if (material == null) {
                throw new IllegalStateException("TLS is not available: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the TLS key material is still loading", e);
        }
    }

    private synchronized void reloadIfFilesChanged(long now) {
        if (now - lastCheck < checkIntervalNanos) {
            return;
        }
        lastCheck = now;
        TlsMaterial old = material;
        if (!old.filesChanged()) {
            return;
        }
        List<Object> stamps = TlsMaterial.stamps(old.settings());
        if (stamps.equals(failedStamps)) {
            // already reported for this state of the files
            return;
        }
        try {
            material = TlsMaterial.load(old.settings());
            failedStamps = null;
            LOG.info("TLS key material re-read after the key files changed: {}", old.settings());
        } catch (TlsMaterial.InvalidMaterialException e) {
            failedStamps = stamps;
            LOG.error("The TLS key files changed but cannot be used ({}); the previous key material stays in force",
                    e.getMessage());
        }
    }

    /** {@code ${karaf.data}/ftpd/tls}, or the bundle's data area outside Karaf. */
    private static Path selfSignedDirectory(BundleContext bundle) {
        String data = System.getProperty("karaf.data");
        if (data != null && !data.isBlank()) {
            return Path.of(data, "ftpd", "tls").toAbsolutePath();
        }
        File area = bundle == null ? null : bundle.getDataFile("tls");
        return area != null ? area.toPath().toAbsolutePath() : karafBase().resolve("ftpd-tls");
    }

    private static Path karafBase() {
        String base = System.getProperty("karaf.base");
        return Path.of(base == null || base.isBlank() ? "" : base).toAbsolutePath();
    }
}
