package org.ftpd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.security.auth.Subject;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

/**
 * Operating a running server in Karaf: the counters of a scripted session, read from the MBean in the platform
 * MBeanServer and from {@code ftp:status}, match exactly; {@code ftp:sessions} shows a live session with its
 * upload and {@code ftp:kick} ends it (421); deleting a user's configuration with
 * {@code removed.user.sessions = close} ends that user's open session; {@code ftp:user-add} and
 * {@code ftp:user-passwd} read the password typed at the console's prompt.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OperationsInKarafIT extends PyftpdKarafTestSupport {

    private static final String MBEAN = "org.ftpd:type=FtpServer,name=default";
    private static final List<String> COUNTERS = List.of("SessionsCurrent", "SessionsTotal", "ConnectionsRefused",
            "LoginsSucceeded", "LoginsFailed", "BytesIn", "BytesOut", "FilesReceived", "FilesSent",
            "TransfersAborted", "TransfersFailed", "ErrorReplies", "InternalErrors");
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^([A-Z][a-z]+(?: [a-z]+)?) +(\\d+)\\s*$");

    private final RolePrincipal admin = new RolePrincipal("admin");
    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    private int port;

    @Before
    public void installFeature() throws Exception {
        installPyftpdOnce();
        port = configuredPort();
        Poll.until("the server greets on port " + port, SOON, () -> Ftp.greets(port));
        Poll.until("the MBean " + MBEAN + " is registered", SOON, () -> mbeans.isRegistered(name()));
        Poll.until("the ftp:status command answers", SOON,
                () -> executeCommand("ftp:status", admin).contains("Sessions total"));
    }

    @Test
    public void countersOfAScriptedSessionMatchInTheMBeanAndFtpStatus() throws Exception {
        Path home = user("counted", "counted-pw");
        byte[] upload = bytes(100_003);
        byte[] download = bytes(54_321);
        Files.write(home.resolve("down.bin"), download);
        Poll.until("no session is open", SOON, () -> counter("SessionsCurrent") == 0);
        Map<String, Long> before = counters();

        FTPClient client = Ftp.connect(port);
        assertFalse("wrong password", client.login("counted", "wrong"));
        assertTrue(client.getReplyString(), client.login("counted", "counted-pw"));
        client.enterLocalPassiveMode();
        client.setFileType(FTPClient.BINARY_FILE_TYPE);
        assertTrue(client.getReplyString(), Ftp.upload(client, "up.bin", upload));
        assertArrayEquals(download, Ftp.download(client, "down.bin"));
        Ftp.close(client);
        Poll.until("the session is closed", SOON, () -> counter("SessionsCurrent") == 0);

        Map<String, Long> expected = new HashMap<>(before);
        expected.merge("SessionsTotal", 1L, Long::sum);
        expected.merge("LoginsSucceeded", 1L, Long::sum);
        expected.merge("LoginsFailed", 1L, Long::sum);
        expected.merge("BytesIn", (long) upload.length, Long::sum);
        expected.merge("BytesOut", (long) download.length, Long::sum);
        expected.merge("FilesReceived", 1L, Long::sum);
        expected.merge("FilesSent", 1L, Long::sum);
        expected.merge("ErrorReplies", 1L, Long::sum); // the 530 of the wrong password
        assertEquals(expected, counters());
        assertArrayEquals(upload, Files.readAllBytes(home.resolve("up.bin")));

        String status = executeCommand("ftp:status", admin);
        assertTrue(status, Pattern.compile("(?m)^Listening +" + Pattern.quote(Ftp.HOST + ":" + port) + "\\s*$")
                .matcher(status).find());
        assertEquals(status, expected, statusCounters(status));
    }

    @Test
    public void ftpSessionsShowsALiveUploadAndFtpKickEndsIt() throws Exception {
        Path home = user("kicked", "kicked-pw");
        long abortedBefore = counter("TransfersAborted");
        FTPClient client = Ftp.login(port, "kicked", "kicked-pw");
        OutputStream upload = null;
        try {
            upload = client.storeFileStream("slow.bin");
            assertTrue(client.getReplyString(), upload != null);
            upload.write(bytes(10_000));
            upload.flush();
            String[] row = new String[1];
            Poll.until("ftp:sessions shows the upload", SOON, () -> {
                row[0] = sessionRow(executeCommand("ftp:sessions", admin), "kicked");
                return row[0] != null && row[0].contains("receiving /slow.bin (10000 bytes");
            });
            assertTrue(row[0], row[0].contains(Ftp.HOST + ":" + client.getLocalPort()));
            String id = row[0].trim().split("\\s+")[0];

            String kicked = executeCommand("ftp:kick " + id, admin);
            assertTrue(kicked, kicked.contains("Session " + id + " closed."));
            try {
                int code = client.getReply();
                fail("expected 421 and a closed connection, got " + code + " " + client.getReplyString());
            } catch (FTPConnectionClosedException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("421"));
            }
        } finally {
            if (upload != null) {
                try {
                    upload.close();
                } catch (IOException ignored) {
                    // the server broke the data connection off
                }
            }
            Ftp.close(client);
        }
        Poll.until("the upload is counted as aborted", SOON, () -> counter("TransfersAborted") == abortedBefore + 1);
        Poll.until("ftp:sessions no longer lists it", SOON,
                () -> sessionRow(executeCommand("ftp:sessions", admin), "kicked") == null);
        try {
            executeCommand("ftp:kick 999999", admin);
            fail("ftp:kick of an unknown session must fail");
        } catch (RuntimeException e) {
            // KarafTestSupport wraps what the command threw
            assertTrue(e.toString(), String.valueOf(e.getMessage()).contains("no open session 999999"));
        }
        assertTrue(Files.size(home.resolve("slow.bin")) <= 10_000);
    }

    @Test
    public void deletingAUserEndsItsSessionsWhenConfiguredSo() throws Exception {
        user("removed", "removed-pw");
        Configuration configuration = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, "removed", "?");
        FTPClient keeper = Ftp.login(port, "removed", "removed-pw");
        long offset = logSize();
        setServerProperty("removed.user.sessions", "close");
        try {
            Poll.until("removed.user.sessions = close is applied", SOON,
                    () -> logSince(offset).contains("removed.user.sessions=close"));
            configuration.delete();
            try {
                int code = keeper.getReply();
                fail("expected 421, got " + code + " " + keeper.getReplyString());
            } catch (FTPConnectionClosedException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("421"));
            }
            assertFalse("a deleted user cannot log in", Ftp.canLogIn(port, "removed", "removed-pw"));
        } finally {
            Ftp.close(keeper);
            setServerProperty("removed.user.sessions", "keep");
        }
    }

    @Test
    public void userAddAndUserPasswdReadThePasswordFromTheConsole() throws Exception {
        Path home = Files.createTempDirectory("ops-prompted");
        String added = withConsoleInput("first-pw\nfirst-pw\n",
                "ftp:user-add --home " + home + " --perm elrw prompted");
        assertTrue(added, added.contains("User prompted added."));
        assertFalse("the password is never echoed: " + added, added.contains("first-pw"));
        Poll.until("prompted logs in with the password typed", SOON,
                () -> Ftp.canLogIn(port, "prompted", "first-pw"));

        String changed = withConsoleInput("second-pw\nsecond-pw\n", "ftp:user-passwd prompted");
        assertFalse("the password is never echoed: " + changed, changed.contains("second-pw"));
        Poll.until("the new password works", SOON, () -> Ftp.canLogIn(port, "prompted", "second-pw"));
        assertFalse("the old password is gone", Ftp.canLogIn(port, "prompted", "first-pw"));
        try {
            withConsoleInput("third-pw\nnot-the-same\n", "ftp:user-passwd prompted");
            fail("two different passwords must be refused");
        } catch (Exception e) {
            String why = e + (e.getCause() == null ? "" : " / " + e.getCause());
            assertTrue(why, why.contains("the passwords differ"));
        }
        assertTrue(Ftp.canLogIn(port, "prompted", "second-pw"));
    }

    /**
     * Runs a command in a console session (not the headless one of executeCommand, which cannot prompt) whose
     * keyboard is {@code input}; returns what it printed. The command's own exception is thrown as it is.
     */
    private String withConsoleInput(String input, String command) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Session console = sessionFactory.create(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, out, null, "UTF-8", null);
        Subject subject = new Subject();
        subject.getPrincipals().add(admin);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> console.execute(command));
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            console.close();
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** A user with its own home, able to log in (polled: fileinstall and DS take a moment). */
    private Path user(String name, String password) throws Exception {
        Path home = Files.createTempDirectory("ops-" + name);
        Configuration user = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, name, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", name);
        properties.put("password", password);
        properties.put("home", home.toString());
        properties.put("perm", "elrw");
        user.update(properties);
        Poll.until(name + " can log in", SOON, () -> Ftp.canLogIn(port, name, password));
        return home;
    }

    /** The row of ftp:sessions for {@code user}, or null. */
    private static String sessionRow(String table, String user) {
        for (String line : table.split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length > 1 && cells[1].equals(user)) {
                return line;
            }
        }
        return null;
    }

    /** ftp:status's counter lines ("Bytes in   123") under the MBean's attribute names. */
    private static Map<String, Long> statusCounters(String status) {
        Map<String, Long> values = new HashMap<>();
        Matcher m = STATUS_LINE.matcher(status);
        while (m.find()) {
            StringBuilder attribute = new StringBuilder();
            for (String word : m.group(1).split(" ")) {
                attribute.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            values.put(attribute.toString(), Long.parseLong(m.group(2)));
        }
        return values;
    }

    private Map<String, Long> counters() throws JMException {
        Map<String, Long> values = new HashMap<>();
        for (String attribute : COUNTERS) {
            values.put(attribute, (Long) mbeans.getAttribute(name(), attribute));
        }
        return values;
    }

    private long counter(String attribute) {
        try {
            return (Long) mbeans.getAttribute(name(), attribute);
        } catch (JMException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectName name() {
        try {
            return new ObjectName(MBEAN);
        } catch (JMException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
