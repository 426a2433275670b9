package org.ftpd.tls.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * An {@link SSLContext} and the parameters every server engine gets, built from {@link TlsSettings} with the JDK
 * only. Remembers what the key files looked like, so a change of them can be noticed.
 */
final class TlsMaterial {

    /** The key material cannot be loaded; the message names the key, value and reason. */
    static final class InvalidMaterialException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidMaterialException(String key, String value, String reason, Throwable cause) {
            super(key + " = \"" + TlsSettingsParser.masked(key, value) + "\": " + reason, cause);
        }
    }

    private final TlsSettings settings;
    private final SSLContext context;
    private final SSLParameters parameters;
    private final List<Object> fileStamps;

    private TlsMaterial(TlsSettings settings, SSLContext context, SSLParameters parameters, List<Object> fileStamps) {
        this.settings = settings;
        this.context = context;
        this.parameters = parameters;
        this.fileStamps = fileStamps;
    }

    /** @param settings with key material ({@link TlsSettings#keys()} not null) */
    static TlsMaterial load(TlsSettings settings) throws InvalidMaterialException {
        List<Object> stamps = stamps(settings);
        KeySource keys = settings.keys();
        KeySource.Loaded loaded = keys.load();
        KeyManagerFactory keyManagers;
        try {
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(loaded.store(), loaded.keyPassword());
        } catch (UnrecoverableKeyException e) {
            throw new InvalidMaterialException(TlsSettingsParser.KEY_PASSWORD, "", "cannot unlock the private key: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new InvalidMaterialException(sourceKey(keys), keys.files().get(0).toString(), e.toString(), e);
        }
        TrustManagerFactory trustManagers = null;
        if (settings.truststore() != null) {
            KeyStore truststore = KeystoreKeys.read(TlsSettingsParser.TRUSTSTORE_PATH, settings.truststore(),
                    settings.truststoreType(), settings.truststorePassword());
            try {
                trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(truststore);
            } catch (GeneralSecurityException e) {
                throw new InvalidMaterialException(TlsSettingsParser.TRUSTSTORE_PATH, settings.truststore().toString(),
                        e.toString(), e);
            }
        }
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers == null ? null : trustManagers.getTrustManagers(),
                    null);
        } catch (GeneralSecurityException e) {
            throw new InvalidMaterialException(sourceKey(keys), keys.files().get(0).toString(),
                    "cannot build a TLS context: " + e, e);
        }
        return new TlsMaterial(settings, context, parameters(context, settings), stamps);
    }

    private static String sourceKey(KeySource keys) {
        return keys instanceof KeystoreKeys k ? k.pathKey() : TlsSettingsParser.CERTIFICATE_PATH;
    }

    private static SSLParameters parameters(SSLContext context, TlsSettings settings) throws InvalidMaterialException {
        SSLParameters supported = context.getSupportedSSLParameters();
        Set<String> protocols = Set.of(supported.getProtocols());
        for (String protocol : settings.protocols()) {
            if (!protocols.contains(protocol)) {
                throw new InvalidMaterialException(TlsSettingsParser.PROTOCOLS, String.join(",", settings.protocols()),
                        protocol + " is not supported by this JDK", null);
            }
        }
        Set<String> suites = Set.of(supported.getCipherSuites());
        for (String cipher : settings.ciphers()) {
            if (!suites.contains(cipher)) {
                throw new InvalidMaterialException(TlsSettingsParser.CIPHERS, String.join(",", settings.ciphers()),
                        cipher + " is not a cipher suite this JDK supports", null);
            }
        }
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(settings.protocols().toArray(String[]::new));
        if (!settings.ciphers().isEmpty()) {
            parameters.setCipherSuites(settings.ciphers().toArray(String[]::new));
        }
        parameters.setUseCipherSuitesOrder(true);
        switch (settings.clientAuth()) {
            case NEED -> parameters.setNeedClientAuth(true);
            case WANT -> parameters.setWantClientAuth(true);
            default -> parameters.setNeedClientAuth(false);
        }
        return parameters;
    }

    /** Size and modification time of the key files: what a change is noticed by. */
    static List<Object> stamps(TlsSettings settings) {
        List<Object> stamps = new ArrayList<>();
        List<Path> files = new ArrayList<>(settings.keys().files());
        files.add(settings.truststore());
        for (Path file : files) {
            if (file != null) {
                try {
                    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                    stamps.add(a.lastModifiedTime());
                    stamps.add(a.size());
                    stamps.add(a.fileKey());
                } catch (IOException e) {
                    stamps.add("unreadable");
                }
            }
        }
        return stamps;
    }

    boolean filesChanged() {
        return !Objects.equals(fileStamps, stamps(settings));
    }

    TlsSettings settings() {
        return settings;
    }

    SSLContext context() {
        return context;
    }

    SSLEngine newServerEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(parameters);
        return engine;
    }
}
