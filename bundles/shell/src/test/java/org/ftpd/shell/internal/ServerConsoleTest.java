package org.ftpd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ftpd.api.FtpServerControl;
import org.ftpd.api.LiveSession;
import org.ftpd.api.ServerCounters;
import org.ftpd.api.SessionInfo;
import org.junit.jupiter.api.Test;

class ServerConsoleTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    /** A server with fixed facts that notes what it is asked to close. */
    private static final class FakeControl implements FtpServerControl {
        final List<String> closed = new ArrayList<>();
        final List<LiveSession> sessions = new ArrayList<>();

        @Override
        public List<InetSocketAddress> listenAddresses() {
            return List.of(new InetSocketAddress("127.0.0.1", 2121), new InetSocketAddress("::1", 990));
        }

        @Override
        public Instant runningSince() {
            return START;
        }

        @Override
        public ServerCounters counters() {
            return new ServerCounters(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        }

        @Override
        public List<LiveSession> sessions() {
            return sessions;
        }

        @Override
        public Optional<LiveSession> session(String id) {
            return sessions.stream().filter(s -> s.session().id().equals(id)).findFirst();
        }

        @Override
        public boolean closeSession(String id, String reason) {
            closed.add(id + ":" + reason);
            return session(id).isPresent();
        }

        @Override
        public int closeSessionsOf(String userName, String reason) {
            closed.add("user " + userName + ":" + reason);
            return (int) sessions.stream().filter(s -> userName.equals(s.session().userName())).count();
        }
    }

    private record Info(String id, InetSocketAddress remoteAddress, InetSocketAddress localAddress, String userName,
            boolean secure, Instant connectedAt) implements SessionInfo {
    }

    private static LiveSession session(String id, String user, LiveSession.LiveTransfer transfer) {
        return new LiveSession(new Info(id, new InetSocketAddress("127.0.0.1", 40000 + Integer.parseInt(id)),
                new InetSocketAddress("127.0.0.1", 2121), user, false, START), Duration.ofSeconds(75), transfer);
    }

    private static String print(java.util.function.Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statusShowsAddressesUptimeAndEveryCounter() {
        String out = print(o -> ServerConsole.printStatus(new FakeControl(), o, START.plusSeconds(3_725)));
        List<String> lines = out.lines().toList();
        assertEquals("Listening            127.0.0.1:2121, [0:0:0:0:0:0:0:1]:990", lines.get(0));
        assertTrue(lines.get(1).startsWith("Running since") && lines.get(1).endsWith("(up 1h02m)"), lines.get(1));
        List<String> expected = List.of("Sessions current     1", "Sessions total       2", "Connections refused  3",
                "Logins succeeded     4", "Logins failed        5", "Bytes in             6",
                "Bytes out            7", "Files received       8", "Files sent           9",
                "Transfers aborted    10", "Transfers failed     11", "Error replies        12",
                "Internal errors      13");
        assertEquals(expected, lines.subList(2, lines.size()));
    }

    @Test
    void sessionsTableHasOneRowPerSessionWithItsTransfer() {
        List<LiveSession> sessions = List.of(session("1", null, null), session("12", "alice",
                new LiveSession.LiveTransfer(LiveSession.Direction.DOWNLOAD, "/big.iso", 123_456, Duration.ofSeconds(3))));
        List<String> lines = print(o -> ServerConsole.printSessions(sessions, o)).lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("Id     User"), lines.get(0));
        assertTrue(lines.get(1).matches("1 +- +127\\.0\\.0\\.1:40001 +\\S+ \\S+ +1m15s +-"), lines.get(1));
        assertTrue(lines.get(2).matches("12 +alice +127\\.0\\.0\\.1:40012 .* 1m15s +sending /big\\.iso \\(123456 bytes, 3s\\)"),
                lines.get(2));
        assertEquals("2 sessions", lines.get(3));
    }

    @Test
    void durationsAreShort() {
        assertEquals("0s", ServerConsole.duration(Duration.ofMillis(999)));
        assertEquals("59s", ServerConsole.duration(Duration.ofSeconds(59)));
        assertEquals("1m00s", ServerConsole.duration(Duration.ofSeconds(60)));
        assertEquals("2h05m", ServerConsole.duration(Duration.ofMinutes(125)));
        assertEquals("3d04h", ServerConsole.duration(Duration.ofHours(76)));
    }

    @Test
    void kickClosesOneSessionOrAllOfAUser() {
        FakeControl control = new FakeControl();
        control.sessions.add(session("3", "alice", null));
        control.sessions.add(session("4", "alice", null));
        assertEquals("Session 3 closed.", KickCommand.kick(control, "3", null, "bye"));
        assertEquals("Closed 2 sessions of user alice.", KickCommand.kick(control, null, "alice", null));
        assertEquals("User bob has no open session.", KickCommand.kick(control, null, "bob", null));
        assertEquals(List.of("3:bye", "user alice:null", "user bob:null"), control.closed);
        assertThrows(IllegalArgumentException.class, () -> KickCommand.kick(control, "99", null, null));
        assertThrows(IllegalArgumentException.class, () -> KickCommand.kick(control, "3", "alice", null));
        assertThrows(IllegalArgumentException.class, () -> KickCommand.kick(control, null, null, null));
    }

    @Test
    void kickCompletesTheOpenSessionIds() {
        FakeControl control = new FakeControl();
        control.sessions.add(session("3", "alice", null));
        control.sessions.add(session("12", "bob", null));
        control.sessions.add(session("13", null, null));
        SessionIdCompleter completer = new SessionIdCompleter();
        completer.control = control;
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed("1"), candidates);
        assertEquals(List.of("12", "13"), candidates.stream().map(String::trim).sorted().toList());
        completer.control = null;
        candidates.clear();
        completer.complete(null, typed(""), candidates);
        assertEquals(List.of(), candidates, "no server, nothing to offer");
    }

    /** The command line "ftp:kick <prefix>" with the cursor at its end. */
    private static org.apache.karaf.shell.api.console.CommandLine typed(String prefix) {
        return (org.apache.karaf.shell.api.console.CommandLine) java.lang.reflect.Proxy.newProxyInstance(
                ServerConsoleTest.class.getClassLoader(),
                new Class<?>[] {org.apache.karaf.shell.api.console.CommandLine.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "getCursorArgument" -> prefix;
                            case "getArgumentPosition" -> prefix.length();
                            case "getCursorArgumentIndex" -> 1;
                            case "getArguments" -> new String[] {"ftp:kick", prefix};
                            case "getBuffer" -> "ftp:kick " + prefix;
                            case "getBufferPosition" -> ("ftp:kick " + prefix).length();
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
    }
}
