package org.ftpd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
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
 * pyftpd-java installed into a stock Karaf, driven by a real FTP client over loopback and reconfigured live through
 * ConfigurationAdmin. One Karaf serves every test of the class; each test finds the server where the previous one
 * left it (its port is read from the configuration) and leaves it serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PyftpdInKarafIT extends PyftpdKarafTestSupport {

    @Before
    public void installFeature() throws Exception {
        installPyftpdOnce();
        int port = configuredPort();
        Poll.until("the server greets on port " + port, SOON, () -> Ftp.greets(port));
    }

    @Test
    public void featureStartsEveryBundle() {
        for (String name : OUR_BUNDLES) {
            Bundle bundle = bundle(name);
            assertNotNull(name + " is installed by the feature", bundle);
            assertEquals(name + " is active", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void noComponentOfOursFailsOrWaitsForAService() {
        Components components = new Components(bundleContext, OUR_BUNDLES);
        Poll.until("no component of ours failed or misses a service: " + components.broken(), SOON,
                () -> components.broken().isEmpty());
        assertTrue("the server component (PID org.ftpd) is active", components.isActive("org.ftpd"));

        // none of these tests feeds an invalid value that deserves an ERROR: any is a defect
        List<String> errors = logSince(0).lines()
                .filter(line -> line.contains("| ERROR |") && line.contains(" - org.ftpd."))
                .toList();
        assertTrue("our bundles logged errors: " + errors, errors.isEmpty());
    }

    @Test
    public void installingTheFeatureKeepsTheOperatorsConfigurationAndAddsTheDefaults() throws Exception {
        // the feature's own file says host = 0.0.0.0 and port = 2121; the operator's says loopback
        String serverFile = Files.readString(karafFile("etc/org.ftpd.cfg"));
        assertTrue("etc/org.ftpd.cfg written before the install was not replaced: " + serverFile,
                serverFile.lines().anyMatch(line -> line.replace(" ", "").equals("host=" + Ftp.HOST)));
        assertFalse("etc/org.ftpd.cfg written before the install was not replaced: " + serverFile,
                serverFile.lines().anyMatch(line -> line.replace(" ", "").equals("port=2121")));
        assertTrue("the default anonymous user file was added",
                Files.isRegularFile(karafFile("etc/org.ftpd.user-anonymous.cfg")));
        assertTrue("the anonymous folder was created", Files.isRegularFile(karafFile("ftp/README.txt")));
    }

    @Test
    public void userFileDroppedIntoEtcLogsInGetsItsPasswordHashedAndIsGoneWhenDeleted() throws Exception {
        String user = "bob" + Long.toHexString(System.nanoTime());
        String password = "pw-" + Long.toHexString(new Random().nextLong());
        Path home = Files.createTempDirectory("ftp-home-" + user);
        Path file = karafFile("etc/org.ftpd.user-" + user + ".cfg");
        Files.writeString(file, "name = " + user + "\npassword = " + password + "\nhome = " + home
                + "\nperm = elradfmw\n");
        int port = configuredPort();
        try {
            Poll.until(user + " can log in", SOON, () -> Ftp.canLogIn(port, user, password));
            FTPClient client = Ftp.login(port, user, password);
            try {
                byte[] content = "dropped in etc/\n".getBytes(StandardCharsets.UTF_8);
                assertTrue("upload: " + client.getReplyString(), Ftp.upload(client, "note.txt", content));
                assertArrayEquals(content, Files.readAllBytes(home.resolve("note.txt")));
            } finally {
                Ftp.close(client);
            }
            Poll.until("the file holds a hash instead of the plain password", SOON, () -> {
                try {
                    String text = Files.readString(file);
                    return !text.contains(password) && text.lines().anyMatch(l -> l.startsWith("password"));
                } catch (IOException e) {
                    return false;
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
        Poll.until("deleting the file removes " + user, SOON, () -> !Ftp.canLogIn(port, user, password));
    }

    @Test
    public void anonymousLogsInListsAndDownloadsButCannotUpload() throws Exception {
        FTPClient client = Ftp.login(configuredPort(), "anonymous", "itest@example.org");
        try {
            List<String> names = Arrays.asList(client.listNames());
            assertTrue("the default folder shipped by the feature is listed: " + names, names.contains("README.txt"));
            assertTrue("README.txt has content", Ftp.download(client, "README.txt").length > 0);

            assertFalse("anonymous is read-only", Ftp.upload(client, "intruder.txt", new byte[] {1, 2, 3}));
            assertTrue("the refusal is a permanent negative reply: " + client.getReplyString(),
                    FTPReply.isNegativePermanent(client.getReplyCode()));
        } finally {
            Ftp.close(client);
        }
    }

    @Test
    public void karafUsersLogInOnceAnEmptyJaasFileExists() throws Exception {
        String user = "karafuser" + Long.toHexString(System.nanoTime());
        String password = "pw-" + Long.toHexString(new Random().nextLong());
        // a Karaf user with the role the JAAS authorizer admits by default
        Files.writeString(karafFile("etc/users.properties"), user + " = " + password + ",ftp\n",
                StandardOpenOption.APPEND);
        int port = configuredPort();
        assertFalse("no JAAS logins before etc/org.ftpd.jaas.cfg exists", Ftp.canLogIn(port, user, password));

        Path jaasFile = karafFile("etc/org.ftpd.jaas.cfg");
        Files.writeString(jaasFile, "");
        try {
            Poll.until(user + " logs in through the karaf realm", SOON, () -> Ftp.canLogIn(port, user, password));
            assertTrue("the home is made under ftp/users", Files.isDirectory(karafFile("ftp/users/" + user)));
            assertFalse("a wrong password is refused", Ftp.canLogIn(port, user, password + "x"));
        } finally {
            Files.deleteIfExists(jaasFile);
        }
        Poll.until("deleting the file stops JAAS logins", SOON, () -> !Ftp.canLogIn(port, user, password));
    }

    @Test
    public void userAddedThroughConfigAdminUploadsDownloadsAndGetsItsPasswordHashed() throws Exception {
        String user = "alice" + Long.toHexString(System.nanoTime());
        String password = "pw-" + Long.toHexString(new Random().nextLong());
        Path home = Files.createTempDirectory("ftp-home-" + user);

        Configuration account = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, user, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", user);
        properties.put("password", password);
        properties.put("home", home.toString());
        properties.put("perm", "elradfmwMT");
        account.update(properties);
        try {
            int port = configuredPort();
            Poll.until(user + " can log in", SOON, () -> Ftp.canLogIn(port, user, password));

            byte[] content = new byte[300_000];
            new Random(42).nextBytes(content);
            FTPClient client = Ftp.login(port, user, password);
            try {
                assertTrue("upload: " + client.getReplyString(), Ftp.upload(client, "data.bin", content));
                assertArrayEquals("the download is the upload", content, Ftp.download(client, "data.bin"));
            } finally {
                Ftp.close(client);
            }
            assertArrayEquals("the file landed in the user's home", content, Files.readAllBytes(home.resolve("data.bin")));

            Poll.until("the stored password is replaced by a hash", SOON, () -> {
                Object stored = account.getProperties().get("password");
                return stored != null && !String.valueOf(stored).contains(password);
            });
            String hash = String.valueOf(account.getProperties().get("password"));
            assertNotEquals("", hash.trim());
            assertTrue("the plain password still logs in against its hash", Ftp.canLogIn(port, user, password));
            assertFalse("a wrong password is refused", Ftp.canLogIn(port, user, password + "x"));
        } finally {
            account.delete();
        }
    }

    // Jimfs hands out FileChannels that epoll's sendfile cannot read: RETR here proves the engine does not
    // send them zero-copy
    @Test
    public void memoryFeatureServesMemoryHomes() throws Exception {
        executeCommand("feature:install " + FEATURE + "-memory", new RolePrincipal("admin"));
        assertFeatureInstalled(FEATURE + "-memory");

        String user = "dave" + Long.toHexString(System.nanoTime());
        String password = "pw-" + Long.toHexString(new Random().nextLong());
        Configuration account = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, user, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", user);
        properties.put("password", password);
        properties.put("home", "memory:/" + user);
        properties.put("perm", "elradfmw");
        account.update(properties);
        try {
            int port = configuredPort();
            byte[] content = new byte[100_000];
            new Random(3).nextBytes(content);
            // the filesystems bundle is refreshed to wire Jimfs: poll until a memory: session stores a file
            Poll.until(user + " stores a file in memory", SOON, () -> {
                try {
                    FTPClient client = Ftp.login(port, user, password);
                    try {
                        return Ftp.upload(client, "m.bin", content);
                    } finally {
                        Ftp.close(client);
                    }
                } catch (IOException e) {
                    return false;
                }
            });
            FTPClient client = Ftp.login(port, user, password);
            try {
                assertArrayEquals("memory: keeps the bytes", content, Ftp.download(client, "m.bin"));
            } finally {
                Ftp.close(client);
            }
        } finally {
            account.delete();
        }
    }

    @Test
    public void portChangeMovesTheListenerWithoutRestartingKaraf() throws Exception {
        int oldPort = configuredPort();
        int newPort = freePort();
        FTPClient openSession = Ftp.login(oldPort, "anonymous", "itest@example.org");
        try {
            setServerProperty("port", Integer.toString(newPort));

            Poll.until("the server greets on the new port " + newPort, SOON, () -> Ftp.greets(newPort));
            Poll.until("the old port " + oldPort + " refuses connections", SOON, () -> Ftp.refuses(oldPort));
            assertTrue("the new port serves logins", Ftp.canLogIn(newPort, "anonymous", "itest@example.org"));
            assertTrue("a session opened before the change keeps working: " + openSession.getReplyString(),
                    FTPReply.isPositiveCompletion(openSession.noop()));
        } finally {
            Ftp.close(openSession);
        }
        // this test runs inside the Karaf it reconfigured, and the session above survived: nothing was restarted
        assertEquals(Bundle.ACTIVE, bundle("org.ftpd.protocol").getState());
    }

    @Test
    public void badPortInTheFileIsLoggedAndTheLastGoodPortKeepsServing() throws Exception {
        int goodPort = configuredPort();
        long logOffset = logSize();

        editServerFile("port", "abc");
        try {
            Poll.until("the bad port value is logged", SOON, () -> logSince(logOffset).lines()
                    .anyMatch(line -> (line.contains("WARN") || line.contains("ERROR"))
                            && line.contains("port") && line.contains("abc")));
            assertTrue("the server still serves on " + goodPort,
                    Ftp.canLogIn(goodPort, "anonymous", "itest@example.org"));
        } finally {
            editServerFile("port", Integer.toString(goodPort));
        }
        Poll.until("the configuration is good again", SOON, () -> {
            try {
                return configuredPort() == goodPort;
            } catch (IOException | NumberFormatException e) {
                return false;
            }
        });
        Poll.until("the server serves on " + goodPort + " after the fix", SOON,
                () -> Ftp.canLogIn(goodPort, "anonymous", "itest@example.org"));
    }
}
