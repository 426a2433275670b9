package org.ftpd.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * FTPS helpers for the itests: the certificate a new connection is served, explicit FTPS sessions with Commons
 * Net, and PEM key pairs made at test time with the JDK's keytool (no key is ever committed).
 */
final class Ftps {

    private Ftps() {
    }

    /** Accepts any server certificate and remembers the last one (the tests compare certificates themselves). */
    static final class Recording implements X509TrustManager {
        volatile X509Certificate served;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            served = chain[0];
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static SSLContext context(TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate a new explicit FTPS connection (AUTH TLS) on {@code port} is served. */
    static X509Certificate served(int port) throws IOException {
        try (Socket socket = new Socket(Ftp.HOST, port)) {
            socket.setSoTimeout(15_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            if (greeting == null || !greeting.startsWith("220")) {
                throw new IOException("no greeting: " + greeting);
            }
            OutputStream out = socket.getOutputStream();
            out.write("AUTH TLS\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = in.readLine();
            if (reply == null || !reply.startsWith("234")) {
                throw new IOException("AUTH TLS refused: " + reply);
            }
            Recording trust = new Recording();
            try (SSLSocket tls = (SSLSocket) context(trust).getSocketFactory().createSocket(socket, Ftp.HOST, port,
                    false)) {
                tls.startHandshake();
            }
            return trust.served;
        }
    }

    /** The served certificate's CN, or null when no FTPS connection can be made right now. */
    static String servedCommonName(int port) {
        try {
            return commonName(served(port));
        } catch (IOException e) {
            return null;
        }
    }

    static String commonName(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().replaceFirst("^CN=", "");
    }

    /** The SHA-256 fingerprint as the server logs it ({@code AB:CD:...}). */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An explicit FTPS session logged in as {@code user}, PBSZ 0, PROT P, passive, binary. */
    static FTPSClient login(int port, String user, String password) throws IOException {
        FTPSClient client = new FTPSClient(false, context(new Recording()));
        client.setConnectTimeout(5_000);
        client.setDefaultTimeout(15_000);
        client.setDataTimeout(Duration.ofSeconds(15));
        client.connect(Ftp.HOST, port);
        client.setSoTimeout(15_000);
        if (!client.login(user, password)) {
            String reply = client.getReplyString();
            client.disconnect();
            throw new IOException("login refused: " + reply);
        }
        client.execPBSZ(0);
        client.execPROT("P");
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        return client;
    }

    /**
     * Writes a fresh self-signed EC certificate for {@code CN=<commonName>} and its PKCS#8 key as PEM files,
     * each replaced atomically (a server never reads half a file).
     */
    static void writePemPair(Path work, String commonName, Path certificate, Path key) throws Exception {
        Path keystore = work.resolve(commonName + ".p12");
        Files.deleteIfExists(keystore);
        String password = "itest-" + Long.toHexString(System.nanoTime());
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "ftpd",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=" + commonName,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        replace(certificate, pem("CERTIFICATE", store.getCertificate("ftpd").getEncoded()));
        replace(key, pem("PRIVATE KEY", store.getKey("ftpd", password.toCharArray()).getEncoded()));
        Files.delete(keystore);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static void replace(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
