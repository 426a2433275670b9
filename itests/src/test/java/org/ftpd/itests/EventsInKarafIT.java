package org.ftpd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

/**
 * Events and extensions in a real Karaf: a bundle (here the test's own) registers an FtpEventListener, an
 * EventAdmin handler of {@code org/ftpd/*} and a SITE command as services; one scripted session (failed and good
 * login, upload, download, a download and an upload broken off, SITE, QUIT) reaches all three with the right facts.
 * The logging configuration is the README's: the transfer log in a file of its own, the session MDC in karaf.log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsInKarafIT extends PyftpdKarafTestSupport {

    private static final String USER = "eventer";
    private static final String PASSWORD = "events-pw";
    private static final int BIG = 16 << 20;

    /** The README's etc/org.ops4j.pax.logging.cfg additions. */
    private static final String[][] LOGGING = {
        {"log4j2.appender.xferlog.type", "RollingRandomAccessFile"},
        {"log4j2.appender.xferlog.name", "Xferlog"},
        {"log4j2.appender.xferlog.fileName", "${karaf.log}/xferlog"},
        {"log4j2.appender.xferlog.filePattern", "${karaf.log}/xferlog.%i"},
        {"log4j2.appender.xferlog.layout.type", "PatternLayout"},
        {"log4j2.appender.xferlog.layout.pattern", "%m%n"},
        {"log4j2.appender.xferlog.policies.type", "Policies"},
        {"log4j2.appender.xferlog.policies.size.type", "SizeBasedTriggeringPolicy"},
        {"log4j2.appender.xferlog.policies.size.size", "16MB"},
        {"log4j2.logger.xferlog.name", "org.ftpd.xferlog"},
        {"log4j2.logger.xferlog.level", "INFO"},
        {"log4j2.logger.xferlog.additivity", "false"},
        {"log4j2.logger.xferlog.appenderRef.Xferlog.ref", "Xferlog"},
        {"log4j2.pattern", "%d{ISO8601} | %-5p | %-16t | %-32c{1} | %X{ftpd.session} %X{ftpd.remote} %X{ftpd.user}"
            + " | %m%n"},
    };

    @org.ops4j.pax.exam.Configuration
    @Override
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        for (String[] entry : LOGGING) {
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", entry[0], entry[1]));
        }
        return options.toArray(new Option[0]);
    }

    @Before
    public void installFeature() throws Exception {
        installPyftpdOnce();
        int port = configuredPort();
        Poll.until("the server greets on port " + port, SOON, () -> Ftp.greets(port));
    }

    @Test
    public void listenersEventAdminAndSiteCommandsSeeAScriptedSession() throws Exception {
        Path home = Files.createTempDirectory("events-home");
        Files.write(home.resolve("big.bin"), new byte[BIG]);
        Configuration user = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, USER, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", USER);
        properties.put("password", PASSWORD);
        properties.put("home", home.toString());
        properties.put("perm", "elradfmw");
        user.update(properties);
        int port = configuredPort();
        try (EventsProbe probe = new EventsProbe(bundleContext, "HELLO", "hello from a bundle")) {
            Poll.until(USER + " can log in", SOON, () -> Ftp.canLogIn(port, USER, PASSWORD));
            byte[] content = new byte[100_000];
            content[7] = 42;

            FTPClient client = Ftp.connect(port);
            int me = client.getLocalPort();
            assertFalse(client.login(USER, "wrong"));
            assertTrue(client.login(USER, PASSWORD));
            client.enterLocalPassiveMode();
            client.setFileType(FTPClient.BINARY_FILE_TYPE);
            assertTrue(Ftp.upload(client, "up.bin", content));
            assertArrayEquals(content, Ftp.download(client, "up.bin"));
            try (Socket data = passiveData(client)) {
                assertEquals(150, client.sendCommand("RETR", "big.bin"));
                assertEquals(1000, data.getInputStream().readNBytes(1000).length);
                data.setSoLinger(true, 0);
            }
            assertEquals(426, client.getReply());
            try (Socket data = passiveData(client)) {
                assertEquals(150, client.sendCommand("STOR", "cut.bin"));
                OutputStream out = data.getOutputStream();
                out.write(new byte[20_000]);
                out.flush();
                data.setSoLinger(true, 0);
            }
            assertEquals(426, client.getReply());
            assertEquals(200, client.sendCommand("SITE", "HELLO karaf"));
            assertEquals("200 hello from a bundle karaf", client.getReplyString().trim());
            assertEquals(214, client.sendCommand("SITE", "HELP"));
            assertTrue(client.getReplyString(), client.getReplyString().contains("SITE HELLO <SP> text (says hello)."));
            assertEquals(221, client.sendCommand("QUIT"));
            client.disconnect();

            List<String> all = List.of("connect", "login failed", "login", "received", "sent", "sent incomplete",
                    "received incomplete", "logout", "disconnect");
            Poll.until("the listener hears the whole session", SOON, () -> probe.heardFrom(me).size() == all.size());
            List<Map<String, String>> heard = probe.heardFrom(me);
            assertEquals(all, heard.stream().map(e -> e.get("type")).toList());
            String session = heard.get(0).get("session");
            assertTrue(heard.toString(), heard.stream().allMatch(e -> session.equals(e.get("session"))
                    && Ftp.HOST.equals(e.get("address"))));
            assertEquals("null", heard.get(0).get("user"));
            assertEquals(USER, heard.get(1).get("user"));
            assertEquals(USER, heard.get(2).get("user"));
            assertEquals(Map.of("path", "/up.bin", "bytes", "100000", "complete", "true"), transfer(heard.get(3)));
            assertEquals(Map.of("path", "/up.bin", "bytes", "100000", "complete", "true"), transfer(heard.get(4)));
            assertEquals("/big.bin", heard.get(5).get("path"));
            assertEquals("false", heard.get(5).get("complete"));
            assertTrue(heard.get(5).toString(), Long.parseLong(heard.get(5).get("bytes")) < BIG);
            assertEquals("/cut.bin", heard.get(6).get("path"));
            assertEquals("false", heard.get(6).get("complete"));
            assertEquals(USER, heard.get(7).get("user"));

            List<String> topics = List.of("org/ftpd/session/CONNECT", "org/ftpd/session/LOGIN_FAILED",
                    "org/ftpd/session/LOGIN", "org/ftpd/transfer/RECEIVED", "org/ftpd/transfer/SENT",
                    "org/ftpd/transfer/SENT_INCOMPLETE", "org/ftpd/transfer/RECEIVED_INCOMPLETE",
                    "org/ftpd/session/LOGOUT", "org/ftpd/session/DISCONNECT");
            Poll.until("EventAdmin delivers the whole session", SOON,
                    () -> probe.postedFrom(me).size() == topics.size());
            List<Map<String, Object>> posted = probe.postedFrom(me);
            assertEquals(topics, posted.stream().map(e -> e.get("topic")).toList());
            assertTrue(posted.toString(), posted.stream().allMatch(e -> session.equals(e.get("session.id"))
                    && Ftp.HOST.equals(e.get("remote.address")) && Boolean.FALSE.equals(e.get("secure"))));
            assertEquals(USER, posted.get(1).get("user"));
            Map<String, Object> received = posted.get(3);
            assertEquals("/up.bin", received.get("path"));
            assertEquals(100_000L, received.get("bytes"));
            assertEquals(Boolean.TRUE, received.get("complete"));
            assertTrue(received.toString(), received.get("duration.ms") instanceof Long);
            assertEquals(Boolean.FALSE, posted.get(5).get("complete"));
            assertEquals("/cut.bin", posted.get(6).get("path"));

            assertEquals(List.of(USER), probe.siteCallers);

            // the transfer log has a file of its own, one line per transfer; karaf.log carries the MDC
            Path xferlog = karafLog().resolveSibling("xferlog");
            Poll.until("four transfers in " + xferlog, SOON, () -> lines(xferlog).size() >= 4);
            List<String> transfers = lines(xferlog);
            assertTrue(transfers.toString(), transfers.get(0).endsWith(" 127.0.0.1 100000 /up.bin b _ i r " + USER
                    + " ftp 0 * c"));
            assertTrue(transfers.toString(), transfers.get(3).endsWith(" 127.0.0.1 20000 /cut.bin b _ i r " + USER
                    + " ftp 0 * i"));
            String mdc = " | " + session + " 127.0.0.1:" + me + " " + USER + " | ";
            String loginLine = lines(karafLog()).stream().filter(l -> l.contains("logged in as " + USER)
                    && l.contains(mdc)).findFirst().orElse(null);
            assertTrue("karaf.log shows the session's MDC" + mdc, loginLine != null);
        } finally {
            user.delete();
        }
        Poll.until("the SITE command goes with its service", SOON, () -> !siteHelloAnswers(port));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, String> transfer(Map<String, String> event) {
        return Map.of("path", event.get("path"), "bytes", event.get("bytes"), "complete", event.get("complete"));
    }

    private static Socket passiveData(FTPClient client) throws IOException {
        assertEquals(229, client.sendCommand("EPSV"));
        String reply = client.getReplyString();
        int port = Integer.parseInt(reply.substring(reply.indexOf("|||") + 3, reply.lastIndexOf('|')));
        return new Socket(Ftp.HOST, port);
    }

    /** Whether SITE HELLO answers 200 for the anonymous user. */
    private static boolean siteHelloAnswers(int port) {
        try {
            FTPClient client = Ftp.login(port, "anonymous", "probe@");
            try {
                return client.sendCommand("SITE", "HELLO") == 200;
            } finally {
                Ftp.close(client);
            }
        } catch (IOException e) {
            return true;
        }
    }
}
