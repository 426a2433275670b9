package org.ftpd.tls.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.ftpd.api.TlsContextProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS from a keystore ({@code etc/org.ftpd.tls.cfg}, PID {@value TlsConfiguration#PID}); absent without that
 * file. A bad change is logged and the last good material stays in force. The key files are looked at again
 * (size and time, at most every {@link #CHECK_INTERVAL_MILLIS} ms, when an engine is asked for) and re-read
 * when they change, so a renewed certificate is used without touching the configuration; engines already
 * handed out keep theirs.
 */
@Component(configurationPid = TlsConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = TlsContextProvider.class, immediate = true)
@Designate(ocd = TlsConfiguration.class)
public final class KeystoreTlsContextProvider implements TlsContextProvider {

    static final long CHECK_INTERVAL_MILLIS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(KeystoreTlsContextProvider.class);

    private final TlsSettingsParser parser;
    private final long checkIntervalNanos;
    private volatile TlsMaterial material;
    private volatile long lastCheck = System.nanoTime();
    private List<Object> failedStamps;

    public KeystoreTlsContextProvider() {
        this(karafBase(), CHECK_INTERVAL_MILLIS);
    }

    KeystoreTlsContextProvider(Path base, long checkIntervalMillis) {
        this.parser = new TlsSettingsParser(base);
        this.checkIntervalNanos = TimeUnit.MILLISECONDS.toNanos(checkIntervalMillis);
    }

    /** @throws IllegalArgumentException when the configuration is invalid (the service is then absent) */
    @Activate
    void activate(Map<String, Object> properties) {
        TlsMaterial loaded = build(properties);
        if (loaded == null) {
            throw new IllegalArgumentException("the TLS configuration " + TlsConfiguration.PID
                    + " is invalid (see the errors above); FTPS is not available");
        }
        material = loaded;
        LOG.info("TLS ready: {}", loaded.settings());
    }

    @Modified
    void modified(Map<String, Object> properties) {
        TlsMaterial loaded = build(properties);
        if (loaded == null) {
            LOG.error("The TLS configuration {} is invalid; the previous one stays in force", TlsConfiguration.PID);
            return;
        }
        material = loaded;
        LOG.info("TLS reconfigured: {}", loaded.settings());
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
        try {
            return TlsMaterial.load(result.settings());
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
        long now = System.nanoTime();
        if (now - lastCheck >= checkIntervalNanos) {
            reloadIfFilesChanged(now);
        }
        return material;
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

    private static Path karafBase() {
        String base = System.getProperty("karaf.base");
        return Path.of(base == null || base.isBlank() ? "" : base).toAbsolutePath();
    }
}
