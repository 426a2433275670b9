package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.api.Authorizer;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.SiteCommand;
import org.ftpd.api.UnknownUserException;
import org.ftpd.protocol.internal.SessionMdc;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Log lines written while a session is served carry its id, address and user in the MDC, on every thread: network,
 * blocking work, and the event listeners' thread.
 */
class SessionMdcTest {

    /** Keeps every event of the loggers it is attached to. */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }

        ILoggingEvent await(Predicate<ILoggingEvent> condition) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (ILoggingEvent e : events) {
                    if (condition.test(e)) {
                        return e;
                    }
                }
                Thread.onSpinWait();
            }
            throw new AssertionError("no such log line among " + events.stream().map(e -> e.getFormattedMessage())
                    .toList());
        }
    }

    private static final org.slf4j.Logger EXTENSION_LOG = LoggerFactory.getLogger("test.extension");

    @TempDir
    Path tmp;
    TestServer server;
    final Capture capture = new Capture();
    final Logger ftpd = (Logger) LoggerFactory.getLogger("org.ftpd");
    final Logger extensions = (Logger) LoggerFactory.getLogger("test.extension");
    Level ftpdLevel;

    @BeforeEach
    void start() throws IOException {
        capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        ftpdLevel = ftpd.getLevel();
        // the connect line is at DEBUG; the console appender keeps its own threshold out of it by the root level
        ftpd.setLevel(Level.DEBUG);
        ftpd.addAppender(capture);
        extensions.addAppender(capture);
        // asked after the test authorizer, which knows nobody but alice and bob: logs off the loop, then refuses
        Authorizer logging = credentials -> {
            EXTENSION_LOG.info("asked about {}", credentials.userName());
            throw new UnknownUserException(credentials.userName());
        };
        SiteCommand who = (session, argument) -> {
            EXTENSION_LOG.info("site who");
            return SiteCommand.Reply.of(200, "you");
        };
        FtpEventListener listener = new FtpEventListener() {
            @Override
            public void onLogin(SessionInfo session) {
                EXTENSION_LOG.info("heard the login of {}", session.userName());
            }
        };
        server = new TestServer(tmp, b -> b.authorizer(logging).siteCommand("WHO", who).eventListener(listener),
                s -> s);
    }

    @AfterEach
    void stop() {
        server.close();
        ftpd.detachAppender(capture);
        extensions.detachAppender(capture);
        ftpd.setLevel(ftpdLevel);
    }

    private static Map<String, String> mdc(ILoggingEvent event) {
        return event.getMDCPropertyMap();
    }

    private static Predicate<ILoggingEvent> says(String text) {
        return e -> e.getFormattedMessage().contains(text);
    }

    @Test
    void linesOnTheNetworkAndBlockingThreadsCarryTheSession() throws IOException {
        FTPClient client = server.connect();
        String remote = "127.0.0.1:" + client.getLocalPort();
        try {
            assertFalse(client.login("nobody", "pw"));
            assertTrue(client.login("alice", "secret"));
            assertEquals(200, client.sendCommand("SITE", "WHO"));
        } finally {
            TestServer.quietly(client);
        }

        ILoggingEvent connected = capture.await(says(": connected"));
        assertTrue(connected.getThreadName().startsWith("ftpd-io"), connected.getThreadName());
        String id = mdc(connected).get(SessionMdc.SESSION);
        assertEquals(Map.of(SessionMdc.SESSION, id, SessionMdc.REMOTE, remote), mdc(connected));

        ILoggingEvent asked = capture.await(says("asked about nobody"));
        assertTrue(asked.getThreadName().startsWith("ftpd-blocking"), asked.getThreadName());
        assertEquals(Map.of(SessionMdc.SESSION, id, SessionMdc.REMOTE, remote), mdc(asked));

        ILoggingEvent refused = capture.await(says("login of nobody refused"));
        assertEquals(Map.of(SessionMdc.SESSION, id, SessionMdc.REMOTE, remote), mdc(refused));

        ILoggingEvent loggedIn = capture.await(says("logged in as alice"));
        assertEquals(Map.of(SessionMdc.SESSION, id, SessionMdc.REMOTE, remote, SessionMdc.USER, "alice"),
                mdc(loggedIn));

        ILoggingEvent heard = capture.await(says("heard the login of alice"));
        assertEquals("ftpd-events", heard.getThreadName());
        assertEquals(Map.of(SessionMdc.SESSION, id, SessionMdc.REMOTE, remote, SessionMdc.USER, "alice"), mdc(heard));

        ILoggingEvent site = capture.await(says("site who"));
        assertTrue(site.getThreadName().startsWith("ftpd-blocking"), site.getThreadName());
        assertEquals("alice", mdc(site).get(SessionMdc.USER));
        assertEquals(id, mdc(site).get(SessionMdc.SESSION));

        // the pattern the README gives for Karaf's log prints the values
        PatternLayout layout = new PatternLayout();
        layout.setContext(capture.getContext());
        layout.setPattern("%X{ftpd.session} %X{ftpd.remote} %X{ftpd.user} %msg");
        layout.start();
        assertEquals(id + " " + remote + " alice " + loggedIn.getFormattedMessage(), layout.doLayout(loggedIn));
    }

    @Test
    void aNewSessionOnTheSameThreadsStartsClean() throws IOException {
        FTPClient first = server.alice();
        TestServer.quietly(first);
        ILoggingEvent gone = capture.await(says(": disconnected"));
        String firstId = mdc(gone).get(SessionMdc.SESSION);
        FTPClient second = server.connect();
        try {
            assertFalse(second.login("nobody", "pw"));
        } finally {
            TestServer.quietly(second);
        }
        ILoggingEvent asked = capture.await(says("asked about nobody"));
        assertNull(mdc(asked).get(SessionMdc.USER), "no user left over from the first session");
        assertFalse(firstId.equals(mdc(asked).get(SessionMdc.SESSION)));
        // a line of no session (the server stopping, on this thread) has no session values
        server.close();
        ILoggingEvent stopped = capture.await(says("stopped"));
        assertNull(mdc(stopped).get(SessionMdc.SESSION));
    }
}
