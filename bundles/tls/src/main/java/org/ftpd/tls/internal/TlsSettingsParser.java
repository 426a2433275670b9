package org.ftpd.tls.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and validates the raw {@code org.ftpd.tls} properties; every problem names key, value and reason. */
final class TlsSettingsParser {

    static final String KEYSTORE_PATH = "keystore.path";
    static final String KEYSTORE_PASSWORD = "keystore.password";
    static final String KEYSTORE_TYPE = "keystore.type";
    static final String KEY_PASSWORD = "key.password";
    static final String CERTIFICATE_PATH = "certificate.path";
    static final String PRIVATE_KEY_PATH = "private.key.path";
    static final String PROTOCOLS = "protocols";
    static final String CIPHERS = "ciphers";
    static final String CLIENT_AUTH = "client.auth";
    static final String TRUSTSTORE_PATH = "truststore.path";
    static final String TRUSTSTORE_PASSWORD = "truststore.password";
    static final String TRUSTSTORE_TYPE = "truststore.type";
    static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final Set<String> ALLOWED_PROTOCOLS = Set.copyOf(DEFAULT_PROTOCOLS);
    private static final String MASKED = "****";

    /** One invalid value. */
    record Problem(String key, String value, String reason) {
        @Override
        public String toString() {
            return key + " = \"" + value + "\": " + reason;
        }
    }

    /** The settings, or why there are none. */
    record Result(TlsSettings settings, List<Problem> problems) {
        boolean valid() {
            return settings != null;
        }
    }

    private final Path base;

    /** @param base the folder relative paths are taken from */
    TlsSettingsParser(Path base) {
        this.base = base;
    }

    Result parse(Map<String, ?> properties) {
        List<Problem> problems = new ArrayList<>();
        KeySource keys = keys(properties, problems);

        List<String> protocols = list(properties.get(PROTOCOLS));
        if (protocols.isEmpty()) {
            protocols = DEFAULT_PROTOCOLS;
        }
        for (String protocol : protocols) {
            if (!ALLOWED_PROTOCOLS.contains(protocol)) {
                problems.add(new Problem(PROTOCOLS, String.join(",", protocols),
                        protocol + " is not allowed: only TLSv1.3 and TLSv1.2"));
            }
        }
        List<String> ciphers = list(properties.get(CIPHERS));

        TlsSettings.ClientAuth clientAuth = TlsSettings.ClientAuth.NONE;
        String clientAuthText = orDefault(text(properties.get(CLIENT_AUTH)), "none");
        try {
            clientAuth = TlsSettings.ClientAuth.valueOf(clientAuthText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(CLIENT_AUTH, clientAuthText, "expected none, want or need"));
        }

        Path truststore = file(TRUSTSTORE_PATH, text(properties.get(TRUSTSTORE_PATH)), false, problems);
        String truststorePassword = text(properties.get(TRUSTSTORE_PASSWORD));
        String truststoreType = orDefault(text(properties.get(TRUSTSTORE_TYPE)), "PKCS12");

        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new TlsSettings(keys, List.copyOf(protocols), List.copyOf(ciphers), clientAuth, truststore,
                truststorePassword == null ? null : truststorePassword.toCharArray(), truststoreType), List.of());
    }

    /** The keystore, or the PEM pair, or null when neither is configured. */
    private KeySource keys(Map<String, ?> properties, List<Problem> problems) {
        String keystoreText = text(properties.get(KEYSTORE_PATH));
        String certificateText = text(properties.get(CERTIFICATE_PATH));
        String privateKeyText = text(properties.get(PRIVATE_KEY_PATH));
        String keyPassword = text(properties.get(KEY_PASSWORD));
        boolean keystore = keystoreText != null && !keystoreText.isBlank();
        boolean pem = certificateText != null && !certificateText.isBlank()
                || privateKeyText != null && !privateKeyText.isBlank();
        if (keystore && pem) {
            problems.add(new Problem(KEYSTORE_PATH, keystoreText, "set either " + KEYSTORE_PATH + " or "
                    + CERTIFICATE_PATH + " and " + PRIVATE_KEY_PATH + ", not both"));
            return null;
        }
        if (pem) {
            Path certificate = file(CERTIFICATE_PATH, certificateText, true, problems);
            Path privateKey = file(PRIVATE_KEY_PATH, privateKeyText, true, problems);
            if (certificate == null || privateKey == null) {
                return null;
            }
            return new PemKeys(certificate, privateKey,
                    keyPassword == null || keyPassword.isEmpty() ? null : keyPassword.toCharArray());
        }
        if (!keystore) {
            return null;
        }
        Path file = file(KEYSTORE_PATH, keystoreText, true, problems);
        String storePassword = text(properties.get(KEYSTORE_PASSWORD));
        if (storePassword == null) {
            problems.add(new Problem(KEYSTORE_PASSWORD, "", "missing"));
        }
        String type = orDefault(text(properties.get(KEYSTORE_TYPE)), "PKCS12");
        if (file == null || storePassword == null) {
            return null;
        }
        if (keyPassword == null || keyPassword.isEmpty()) {
            keyPassword = storePassword;
        }
        return new KeystoreKeys(file, type, storePassword.toCharArray(), keyPassword.toCharArray(), KEYSTORE_PATH);
    }

    /** Settings with every default and no key material. */
    static TlsSettings defaults() {
        return new TlsSettings(null, DEFAULT_PROTOCOLS, List.of(), TlsSettings.ClientAuth.NONE, null, null, "PKCS12");
    }

    static String masked(String key, String value) {
        return key.endsWith("password") ? MASKED : value;
    }

    private Path file(String key, String value, boolean required, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(key, "", "missing"));
            }
            return null;
        }
        Path path;
        try {
            path = base.resolve(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(new Problem(key, value, "not a valid path: " + e.getReason()));
            return null;
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add(new Problem(key, value, "no readable file at " + path));
            return null;
        }
        return path;
    }

    /** A list value: an array, a collection, or one string with commas or spaces. */
    private static List<String> list(Object raw) {
        List<String> values = new ArrayList<>();
        if (raw instanceof String[] array) {
            values.addAll(List.of(array));
        } else if (raw instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (raw != null) {
            values.add(String.valueOf(raw));
        }
        List<String> items = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String text(Object raw) {
        if (raw instanceof String[] array) {
            return array.length == 0 ? null : array[0];
        }
        return raw == null ? null : String.valueOf(raw);
    }
}
