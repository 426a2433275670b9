package org.ftpd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Random;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;

/**
 * Restarting the authorizers and filesystems bundles under running transfers: a download and an upload of
 * tens of MB, each paused after its first MB while both bundles stop and start again, finish byte-identical, and
 * new logins work once the bundles are back. Also: anonymous configured with every letter still cannot write.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleRestartInKarafIT extends PyftpdKarafTestSupport {

    private static final int SIZE = 24 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final int BEFORE_RESTART = 1024 * 1024;

    @Before
    public void installFeature() throws Exception {
        installPyftpdOnce();
        int port = configuredPort();
        Poll.until("the server greets on port " + port, SOON, () -> Ftp.greets(port));
    }

    @Test
    public void transfersSurviveARestartOfTheAuthorizersAndFilesystemsBundles() throws Exception {
        Path home = Files.createTempDirectory("restart-user");
        byte[] big = new byte[SIZE];
        new Random(42).nextBytes(big);
        Files.write(home.resolve("big.bin"), big);
        byte[] upload = new byte[SIZE];
        new Random(7).nextBytes(upload);

        Configuration user = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, "restarttest", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", "restarter");
        properties.put("password", "restart-pw");
        properties.put("home", home.toString());
        properties.put("perm", "elradfmwMT");
        user.update(properties);
        int port = configuredPort();
        Poll.until("restarter can log in", SOON, () -> Ftp.canLogIn(port, "restarter", "restart-pw"));

        FTPClient downloader = Ftp.login(port, "restarter", "restart-pw");
        FTPClient uploader = Ftp.login(port, "restarter", "restart-pw");
        try {
            InputStream in = downloader.retrieveFileStream("big.bin");
            assertTrue("download started: " + downloader.getReplyString(), in != null);
            OutputStream out = uploader.storeFileStream("up.bin");
            assertTrue("upload started: " + uploader.getReplyString(), out != null);
            ByteArrayOutputStream received = new ByteArrayOutputStream(SIZE);
            byte[] buffer = new byte[CHUNK];
            int sent = 0;
            // the first MB of each transfer, then both bundles restart while the transfers are open
            while (received.size() < BEFORE_RESTART) {
                int n = in.read(buffer);
                assertTrue("the download ended early", n > 0);
                received.write(buffer, 0, n);
            }
            out.write(upload, 0, BEFORE_RESTART);
            sent = BEFORE_RESTART;

            restart("org.ftpd.authorizers");
            restart("org.ftpd.filesystems");

            // the rest, interleaved, so each transfer is still open while the other goes on
            while (sent < SIZE || received.size() < SIZE) {
                if (sent < SIZE) {
                    int n = Math.min(CHUNK, SIZE - sent);
                    out.write(upload, sent, n);
                    sent += n;
                }
                if (received.size() < SIZE) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    received.write(buffer, 0, n);
                }
            }
            out.close();
            assertTrue("upload completes: " + uploader.getReplyString(), uploader.completePendingCommand());
            assertEquals(-1, in.read());
            in.close();
            assertTrue("download completes: " + downloader.getReplyString(), downloader.completePendingCommand());
            assertArrayEquals("downloaded bytes", sha256(big), sha256(received.toByteArray()));
            assertEquals(SIZE, received.size());
        } finally {
            Ftp.close(downloader);
            Ftp.close(uploader);
        }
        Path stored = home.resolve("up.bin");
        assertEquals(SIZE, Files.size(stored));
        assertArrayEquals("uploaded bytes", sha256(upload), sha256(Files.readAllBytes(stored)));

        Poll.until("a new login works once the bundles are back", SOON,
                () -> Ftp.canLogIn(port, "restarter", "restart-pw"));
        user.delete();
    }

    @Test
    public void anonymousConfiguredWithEveryLetterCannotWrite() throws Exception {
        // fileinstall turns the feature's etc/org.ftpd.user-anonymous.cfg into a configuration a moment after
        // the feature is installed, so this test may start before it exists
        String filter = "(&(service.factoryPid=" + USER_FACTORY_PID + ")(name=anonymous))";
        Poll.until("the feature's anonymous user exists", SOON, () -> {
            try {
                Configuration[] found = configAdmin().listConfigurations(filter);
                return found != null && found.length == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Configuration[] anonymous = configAdmin().listConfigurations(filter);
        Dictionary<String, Object> properties = anonymous[0].getProperties();
        properties.put("perm", "elradfmwMT");
        anonymous[0].update(properties);
        RolePrincipal admin = new RolePrincipal("admin");
        Poll.until("anonymous is configured with every letter", SOON,
                () -> executeCommand("ftp:user-list", admin).matches("(?s).*anonymous\\s+elradfmwMT\\s.*"));

        Path ftp = karafFile("ftp");
        Path readme = ftp.resolve("README.txt");
        byte[] before = Files.readAllBytes(readme);
        FTPClient client = Ftp.login(configuredPort(), "anonymous", "itest@example.org");
        try {
            assertFalse("STOR", Ftp.upload(client, "intruder.txt", new byte[] {1, 2, 3}));
            assertEquals(550, client.getReplyCode());
            assertEquals(550, client.sendCommand("MKD intruders"));
            assertEquals(550, client.sendCommand("DELE README.txt"));
            assertEquals(550, client.sendCommand("RNFR README.txt"));
            assertEquals(550, client.sendCommand("MFMT 20200101000000 README.txt"));
            assertArrayEquals("what anonymous may do: read", before, Ftp.download(client, "README.txt"));
        } finally {
            Ftp.close(client);
        }
        assertFalse(Files.exists(ftp.resolve("intruder.txt")));
        assertFalse(Files.exists(ftp.resolve("intruders")));
        assertArrayEquals(before, Files.readAllBytes(readme));
    }

    private void restart(String symbolicName) throws Exception {
        Bundle bundle = bundle(symbolicName);
        bundle.stop();
        assertEquals(symbolicName + " stopped", Bundle.RESOLVED, bundle.getState());
        bundle.start();
        Poll.until(symbolicName + " active again", SOON, () -> bundle.getState() == Bundle.ACTIVE);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
