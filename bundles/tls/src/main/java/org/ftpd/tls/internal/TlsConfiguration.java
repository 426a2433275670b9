package org.ftpd.tls.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The TLS key material and policy, PID {@value #PID} ({@code etc/org.ftpd.tls.cfg}). */
@ObjectClassDefinition(id = "org.ftpd.tls", name = "pyftpd-java TLS",
        description = "Key material and TLS policy for FTPS. Key material is a keystore (keystore.path) or a PEM "
                + "pair (certificate.path and private.key.path); with neither, a self-signed certificate made on "
                + "first start in ${karaf.data}/ftpd/tls is used. Key files are re-read when they change.")
public @interface TlsConfiguration {

    String PID = "org.ftpd.tls";

    @AttributeDefinition(name = "Keystore", required = false, description = "Path of a PKCS12 or JKS keystore "
            + "holding the server's key and certificate chain; a relative path is taken from ${karaf.base}.")
    String keystore_path();

    @AttributeDefinition(name = "Keystore password", type = AttributeType.PASSWORD, required = false)
    String keystore_password();

    @AttributeDefinition(name = "Keystore type", required = false, description = "PKCS12 or JKS")
    String keystore_type() default "PKCS12";

    @AttributeDefinition(name = "Certificate chain (PEM)", required = false, description = "Path of a PEM file "
            + "with the server certificate and its intermediates (instead of a keystore).")
    String certificate_path();

    @AttributeDefinition(name = "Private key (PEM)", required = false, description = "Path of a PEM PKCS#8 "
            + "private key (RSA, EC or EdDSA; BEGIN PRIVATE KEY, or BEGIN ENCRYPTED PRIVATE KEY with key.password).")
    String private_key_path();

    @AttributeDefinition(name = "Key password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the private key: of the keystore entry (default: the keystore password), or "
                    + "of an encrypted PEM key.")
    String key_password();

    @AttributeDefinition(name = "Protocols", required = false, description = "TLSv1.3 and/or TLSv1.2; nothing older.")
    String[] protocols() default {"TLSv1.3", "TLSv1.2"};

    @AttributeDefinition(name = "Cipher suites", required = false,
            description = "Comma-separated JSSE cipher suite names; empty: the JDK's defaults.")
    String[] ciphers() default {};

    @AttributeDefinition(name = "Client certificates", required = false, options = {
        @Option(value = "none", label = "not asked"), @Option(value = "want", label = "asked, optional"),
        @Option(value = "need", label = "required")})
    String client_auth() default "none";

    @AttributeDefinition(name = "Truststore", required = false,
            description = "Path of the keystore with the CAs that client certificates must chain to; default: the JDK's.")
    String truststore_path();

    @AttributeDefinition(name = "Truststore password", type = AttributeType.PASSWORD, required = false)
    String truststore_password();

    @AttributeDefinition(name = "Truststore type", required = false)
    String truststore_type() default "PKCS12";
}
