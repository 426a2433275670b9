package org.ftpd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.regex.Pattern;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

/**
 * Accounts in a real Karaf: users of Karaf's own JAAS realm (etc/users.properties) log in over FTP once
 * etc/org.ftpd.jaas.cfg exists (role {@code ftp} read-only, {@code ftp-write} read-write, homes under the
 * configured base, users without the role refused); the ftp:user-* console commands list and remove the users of
 * the org.ftpd.user configurations.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccountsInKarafIT extends PyftpdKarafTestSupport {

    private static final String JAAS_COMPONENT = "org.ftpd.authorizers.internal.JaasAuthorizer";

    @Before
    public void installFeature() throws Exception {
        installPyftpdOnce();
        int port = configuredPort();
        Poll.until("the server greets on port " + port, SOON, () -> Ftp.greets(port));
    }

    @Test
    public void karafRealmUsersLogInWithTheirRolesPermissions() throws Exception {
        // Karaf's test support replaces users.properties at startup; its login module reads the file at each login
        Files.writeString(karafFile("etc/users.properties"), String.join("\n",
                "ftpreader = reader-pw,ftp", "ftpwriter = writer-pw,ftp,ftp-write", "noftp = noftp-pw,viewer", ""),
                StandardOpenOption.APPEND);
        Components components = new Components(bundleContext, OUR_BUNDLES);
        assertFalse("no JAAS authorizer without etc/org.ftpd.jaas.cfg", components.isActive(JAAS_COMPONENT));
        Path homes = Files.createTempDirectory("jaas-homes");
        Configuration jaas = configAdmin().getConfiguration("org.ftpd.jaas", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("home.base", homes.toString());
        jaas.update(properties);
        try {
            // wait on the component, not on failing logins (they would count towards an address ban)
            Poll.until("the JAAS authorizer is active", SOON, () -> components.isActive(JAAS_COMPONENT));
            int port = configuredPort();
            byte[] content = "stored by a JAAS user\n".getBytes(StandardCharsets.UTF_8);
            FTPClient writer = Ftp.login(port, "ftpwriter", "writer-pw");
            try {
                assertTrue("upload: " + writer.getReplyString(), Ftp.upload(writer, "jaas.txt", content));
            } finally {
                Ftp.close(writer);
            }
            assertArrayEquals(content, Files.readAllBytes(homes.resolve("ftpwriter").resolve("jaas.txt")));

            Files.createDirectories(homes.resolve("ftpreader"));
            Files.write(homes.resolve("ftpreader").resolve("r.txt"), content);
            FTPClient reader = Ftp.login(port, "ftpreader", "reader-pw");
            try {
                assertArrayEquals(content, Ftp.download(reader, "r.txt"));
                assertFalse("role ftp is read-only", Ftp.upload(reader, "no.txt", content));
            } finally {
                Ftp.close(reader);
            }
            assertFalse("a wrong password is refused", Ftp.canLogIn(port, "ftpreader", "wrong"));
            assertFalse("a realm user without role ftp is refused", Ftp.canLogIn(port, "noftp", "noftp-pw"));
        } finally {
            jaas.delete();
        }
        Poll.until("the JAAS authorizer goes with its configuration", SOON,
                () -> !components.isActive(JAAS_COMPONENT));
    }

    @Test
    public void consoleCommandsListAndRemoveConfiguredUsers() throws Exception {
        RolePrincipal admin = new RolePrincipal("admin");
        Poll.until("the ftp:user-list command is registered", SOON,
                () -> executeCommand("ftp:user-list", admin).contains("anonymous"));
        Path home = Files.createTempDirectory("shell-user");
        Configuration user = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, "shelltest", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", "shelltest");
        properties.put("password", "shell-pw");
        properties.put("home", home.toString());
        properties.put("perm", "elrw");
        user.update(properties);
        int port = configuredPort();
        Poll.until("shelltest can log in", SOON, () -> Ftp.canLogIn(port, "shelltest", "shell-pw"));
        String listing = executeCommand("ftp:user-list", admin);
        assertTrue(listing, listing.matches("(?s).*shelltest\\s+elrw\\s+true\\s+" + Pattern.quote(home.toString()) + ".*"));
        assertFalse("no password or hash is shown", listing.contains("shell-pw") || listing.contains("pbkdf2"));

        String removed = executeCommand("ftp:user-remove shelltest", admin);
        assertTrue(removed, removed.contains("User shelltest removed."));
        Poll.until("the removed user cannot log in", SOON, () -> !Ftp.canLogIn(port, "shelltest", "shell-pw"));
        assertFalse(executeCommand("ftp:user-list", admin).contains("shelltest"));
    }
}
