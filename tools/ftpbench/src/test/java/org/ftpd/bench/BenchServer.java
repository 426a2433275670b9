package org.ftpd.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Permissions;
import org.ftpd.filesystems.internal.JailedFileSystem;
import org.ftpd.protocol.FtpServer;
import org.ftpd.protocol.ServerSettings;

/**
 * Our engine on 127.0.0.1 and a free port, serving a small copy of the bench tree (data/big.bin, data/small/s1.bin,
 * data/many/, up/) to user bench/benchpass with every permission.
 */
final class BenchServer implements AutoCloseable {

    static final int BIG = 4 << 20;
    static final int SMALL = 10 << 10;
    static final int LISTED = 200;

    final Path root;
    final FtpServer server;

    BenchServer(Path root) throws IOException {
        this.root = root;
        Path data = Files.createDirectories(root.resolve("data"));
        Files.write(data.resolve("big.bin"), randomBytes(BIG));
        Files.write(Files.createDirectories(data.resolve("small")).resolve("s1.bin"), randomBytes(SMALL));
        Path many = Files.createDirectories(data.resolve("many"));
        for (int i = 0; i < LISTED; i++) {
            Files.createFile(many.resolve("e" + i + ".txt"));
        }
        Files.createDirectories(root.resolve("up"));
        server = FtpServer.builder()
                .settings(ServerSettings.builder().host("127.0.0.1").port(0).maxConnectionsPerIp(0)
                        .loginFailedDelay(Duration.ofMillis(50)).banMaxFailures(0).build())
                .authorizer(credentials -> {
                    if (!credentials.userName().equals("bench") || !credentials.password().equals("benchpass")) {
                        throw new AuthenticationException("wrong user or password");
                    }
                    return Account.builder("bench", URI.create("file:/")).permissions(Permissions.ALL).build();
                })
                .fileSystemFactory("file", account -> new JailedFileSystem(root))
                .build();
        server.start();
    }

    int port() {
        return server.localPort();
    }

    private static byte[] randomBytes(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        server.stop();
    }
}
