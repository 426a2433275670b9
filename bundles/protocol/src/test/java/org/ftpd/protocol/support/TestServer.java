package org.ftpd.protocol.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.ftpd.api.Account;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.protocol.FtpServer;
import org.ftpd.protocol.ServerSettings;

/**
 * An {@link FtpServer} on 127.0.0.1, a free port, over a temp directory: user {@code alice}/{@code secret}
 * with every permission on {@code home/alice}, {@code bob}/{@code pw} read-only on {@code home/bob}.
 */
public final class TestServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    public final Path homes;
    public final Path alice;
    public final Path bob;
    public final TestAuthorizer authorizer = new TestAuthorizer();
    public final FtpServer server;

    public TestServer(Path tempDir) throws IOException {
        this(tempDir, b -> b, s -> s);
    }

    public TestServer(Path tempDir, UnaryOperator<FtpServer.Builder> customize,
            UnaryOperator<ServerSettings.Builder> settings) throws IOException {
        homes = tempDir;
        alice = Files.createDirectories(tempDir.resolve("alice"));
        bob = Files.createDirectories(tempDir.resolve("bob"));
        authorizer.user("alice", "secret", URI.create("test:/alice"), "elradfmwMT")
                .user("bob", "pw", URI.create("test:/bob"), "elr");
        FileSystemFactory factory = (Account account) -> new TempDirFileSystem(
                homes.resolve(account.home().getPath().substring(1)));
        ServerSettings base = ServerSettings.builder().host(HOST).port(0)
                .loginFailedDelay(Duration.ofMillis(50)).build();
        FtpServer.Builder builder = FtpServer.builder()
                .settings(settings.apply(base.toBuilder()).build())
                .authorizer(authorizer)
                .fileSystemFactory("test", factory);
        server = customize.apply(builder).build();
        server.start();
    }

    public int port() {
        return server.localPort();
    }

    /** A connected client, not logged in. */
    public FTPClient connect() throws IOException {
        FTPClient client = new FTPClient();
        client.setConnectTimeout(5_000);
        client.setDefaultTimeout(10_000);
        client.setDataTimeout(Duration.ofSeconds(10));
        client.setControlEncoding("UTF-8");
        client.connect(HOST, port());
        client.setSoTimeout(10_000);
        if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
            throw new IOException("no greeting: " + client.getReplyString());
        }
        return client;
    }

    /** A client logged in as alice, binary type, passive mode. */
    public FTPClient alice() throws IOException {
        return login("alice", "secret");
    }

    public FTPClient login(String user, String password) throws IOException {
        FTPClient client = connect();
        if (!client.login(user, password)) {
            throw new IOException("login failed: " + client.getReplyString());
        }
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        return client;
    }

    @Override
    public void close() {
        server.stop();
    }

    public static void quietly(FTPClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
