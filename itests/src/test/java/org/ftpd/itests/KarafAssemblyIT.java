package org.ftpd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The Karaf distribution built by karaf-assembly, started the way the README says, with no Maven repository
 * to fall back on: it must serve the default folder and take a user added as a file, checked with curl.
 */
public class KarafAssemblyIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration SOON = Duration.ofSeconds(30);

    private Path karaf;
    private Process process;
    private int port;

    @Before
    public void unpackFreshDistribution() throws Exception {
        Path archive = Paths.get(System.getProperty("pyftpd.assembly.archive"));
        Path work = Files.createDirectories(Paths.get("target")).resolve("assembly-it");
        deleteTree(work);
        Files.createDirectories(work);
        run(work, "tar", "xzf", archive.toAbsolutePath().toString());
        try (var entries = Files.list(work)) {
            karaf = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }

        // stay on loopback and on a port no other process holds
        port = freePort();
        Files.writeString(karaf.resolve("etc/org.ftpd.cfg"), "host = " + Ftp.HOST + "\nport = " + port + "\n");
        // offline: no remote repository and an empty local one, so everything must come from system/
        Path emptyRepository = Files.createDirectories(work.resolve("empty-m2"));
        Files.writeString(karaf.resolve("etc/org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.useFallbackRepositories=false",
                "org.ops4j.pax.url.mvn.defaultRepositories=${karaf.home.uri}${karaf.default.repository}"
                        + "@id=system.repository@snapshots",
                "org.ops4j.pax.url.mvn.repositories=",
                "org.ops4j.pax.url.mvn.localRepository=" + emptyRepository.toAbsolutePath(),
                ""));
    }

    @After
    public void stopKaraf() throws Exception {
        if (process == null) {
            return;
        }
        process.destroy(); // SIGTERM: Karaf shuts down through its shutdown hook
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    public void startsOfflineServesTheDefaultFolderAndTakesAUserFile() throws Exception {
        process = new ProcessBuilder("/bin/sh", "bin/karaf", "daemon")
                .directory(karaf.toFile())
                .redirectErrorStream(true)
                .redirectOutput(karaf.resolve("console.out").toFile())
                .start();

        Poll.until("the server greets on port " + port, START, () -> processAlive() && Ftp.greets(port));
        // FTPS from the first moment: on this first start the certificate may still be in the making, and AUTH
        // TLS is then answered once it is in (not refused), so one try must do
        Curl.Result ftps = Curl.run("--ssl-reqd", "--insecure", Curl.url(port, null, "/"));
        assertTrue("curl --ssl-reqd right after the greeting: " + ftps.output(),
                ftps.ok() && ftps.output().contains("README.txt"));
        Poll.until("curl lists the anonymous folder on port " + port, START,
                () -> processAlive() && Curl.list(port, null).output().contains("README.txt"));
        String log = Files.readString(karaf.resolve("data/log/karaf.log"));
        assertTrue("the log says where the server listens", log.lines()
                .anyMatch(line -> line.contains("listening") && line.contains(":" + port)));
        assertFalse("nothing was fetched from outside: " + karaf.resolve("data/log/karaf.log"),
                log.contains("Error resolving artifact") || log.contains("Could not find artifact"));
        assertEquals("a clean start logs no error", List.of(),
                log.lines().filter(line -> line.contains("| ERROR |")).toList());
        assertTrue("bin/setenv's JIT thresholds reach the JVM: " + jvmArguments(),
                jvmArguments().contains("-XX:Tier4InvocationThreshold=20000"));

        // add a user the README way: a file in etc/
        Path home = Files.createDirectories(karaf.resolve("carol-home"));
        Path userFile = karaf.resolve("etc/org.ftpd.user-carol.cfg");
        Files.writeString(userFile, "name = carol\npassword = s3cret-carol\nhome = " + home.toAbsolutePath()
                + "\nperm = elradfmwMT\n");
        Poll.until("carol can log in", SOON, () -> Curl.list(port, "carol:s3cret-carol").ok());

        Path upload = karaf.resolve("upload.bin");
        byte[] content = new byte[1 << 20];
        new Random(7).nextBytes(content);
        Files.write(upload, content);
        Curl.Result stored = Curl.upload(port, "carol:s3cret-carol", upload);
        assertTrue("curl -T: " + stored.output(), stored.ok());
        assertArrayEquals("stored byte-identical in carol's home", content,
                Files.readAllBytes(home.resolve("upload.bin")));

        Path downloaded = karaf.resolve("downloaded.bin");
        Curl.Result fetched = Curl.download(port, "carol:s3cret-carol", "upload.bin", downloaded);
        assertTrue("curl download: " + fetched.output(), fetched.ok());
        assertArrayEquals("downloaded byte-identical", content, Files.readAllBytes(downloaded));

        Poll.until("the plain password left " + userFile, SOON, () -> {
            try {
                return !Files.readString(userFile, StandardCharsets.UTF_8).contains("s3cret-carol");
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The arguments of the launched script and of what it started (the JVM). */
    private List<String> jvmArguments() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .flatMap(p -> p.info().arguments().stream().flatMap(Arrays::stream))
                .toList();
    }

    private boolean processAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("Karaf exited with " + process.exitValue() + "; see "
                    + karaf.resolve("console.out"));
        }
        return true;
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Ftp.HOST))) {
            return socket.getLocalPort();
        }
    }
}
