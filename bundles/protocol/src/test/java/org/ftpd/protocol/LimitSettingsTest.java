package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The throttling, login timeout, command rate and masquerade map keys, and the auth.failed.delay alias. */
class LimitSettingsTest {

    private static ServerSettings.Parsed parse(Map<String, ?> properties, ServerSettings previous) {
        return ServerSettings.parse(properties, previous);
    }

    @Test
    void defaults() {
        ServerSettings d = ServerSettings.defaults();
        assertEquals(0, d.readLimit());
        assertEquals(0, d.writeLimit());
        assertEquals(0, d.serverReadLimit());
        assertEquals(0, d.serverWriteLimit());
        assertEquals(Duration.ofSeconds(60), d.loginTimeout());
        assertEquals(1000, d.maxCommandsPerSecond());
        assertEquals(Map.of(), d.masqueradeAddressMap());
        assertTrue(ServerSettings.keyNames().containsAll(List.of("read.limit", "write.limit", "server.read.limit",
                "server.write.limit", "login.timeout", "max.commands.per.second", "masquerade.address.map",
                "auth.failed.delay")));
    }

    @Test
    void ratesTakeBytesOrBinarySuffixes() {
        ServerSettings s = parse(Map.of("read.limit", "512k", "write.limit", "10M", "server.read.limit", 1048576,
                "server.write.limit", " 2g "), ServerSettings.defaults()).settings();
        assertEquals(512 * 1024, s.readLimit());
        assertEquals(10L << 20, s.writeLimit());
        assertEquals(1L << 20, s.serverReadLimit());
        assertEquals(2L << 30, s.serverWriteLimit());
        assertEquals(0, parse(Map.of("write.limit", "0"), s).settings().writeLimit());
    }

    @Test
    void aBadRateIsReportedAndTheLastGoodOneStays() {
        ServerSettings previous = ServerSettings.builder().writeLimit(4096).build();
        for (String bad : List.of("fast", "-5", "10x", "1.5m", "k", "99999999999999g")) {
            ServerSettings.Parsed parsed = parse(Map.of("write.limit", bad), previous);
            assertEquals(4096, parsed.settings().writeLimit(), bad);
            assertEquals(1, parsed.problems().size(), bad);
            SettingsProblem problem = parsed.problems().get(0);
            assertEquals("write.limit", problem.key());
            assertEquals(bad, problem.value());
            assertEquals(4096L, problem.kept());
            assertTrue(problem.message().contains("'" + bad + "'"), problem.message());
        }
    }

    @Test
    void loginTimeoutAndCommandRate() {
        ServerSettings s = parse(Map.of("login.timeout", "15", "max.commands.per.second", "50"),
                ServerSettings.defaults()).settings();
        assertEquals(Duration.ofSeconds(15), s.loginTimeout());
        assertEquals(50, s.maxCommandsPerSecond());
        ServerSettings.Parsed bad = parse(Map.of("login.timeout", "-1", "max.commands.per.second", "many"), s);
        assertEquals(Duration.ofSeconds(15), bad.settings().loginTimeout());
        assertEquals(50, bad.settings().maxCommandsPerSecond());
        assertEquals(2, bad.problems().size());
    }

    @Test
    void masqueradeMapByLocalAddress() {
        ServerSettings s = parse(Map.of("masquerade.address.map", "10.0.0.5=203.0.113.7, 192.168.1.2=198.51.100.9 "
                + "0:0:0:0:0:0:0:1=198.51.100.10"), ServerSettings.defaults()).settings();
        assertEquals(Map.of("10.0.0.5", "203.0.113.7", "192.168.1.2", "198.51.100.9", "0:0:0:0:0:0:0:1",
                "198.51.100.10"), s.masqueradeAddressMap());
        // IPv6 written short finds the same entry as the JDK writes the local address
        assertEquals("198.51.100.10", parse(Map.of("masquerade.address.map", "::1=198.51.100.10"),
                ServerSettings.defaults()).settings().masqueradeAddressMap().get("0:0:0:0:0:0:0:1"));
        assertEquals(Map.of(), parse(Map.of("masquerade.address.map", ""), s).settings().masqueradeAddressMap());
    }

    @Test
    void aBadMasqueradeMapKeepsTheLastGoodOne() {
        ServerSettings previous = ServerSettings.builder().masqueradeAddressMap(Map.of("10.0.0.5", "203.0.113.7"))
                .build();
        Map<String, String> cases = Map.of(
                "10.0.0.5", "is not local=announced",
                "10.0.0.5=example.com", "is not an IPv4 address",
                "10.0.0.5=::1", "is not an IPv4 address",
                "host=203.0.113.7", "is not an IP address",
                "10.0.0.5=1.1.1.1,10.0.0.5=2.2.2.2", "is mapped twice");
        cases.forEach((bad, reason) -> {
            ServerSettings.Parsed parsed = parse(Map.of("masquerade.address.map", bad), previous);
            assertEquals(previous.masqueradeAddressMap(), parsed.settings().masqueradeAddressMap(), bad);
            SettingsProblem problem = parsed.problems().get(0);
            assertEquals("masquerade.address.map", problem.key());
            assertTrue(problem.reason().contains(reason), bad + ": " + problem.reason());
            assertEquals("10.0.0.5=203.0.113.7", problem.kept());
        });
    }

    @Test
    void authFailedDelayIsTheDocumentedNameOfLoginFailedDelay() {
        ServerSettings d = ServerSettings.defaults();
        assertEquals(Duration.ofMillis(2500), parse(Map.of("auth.failed.delay", "2.5"), d).settings()
                .loginFailedDelay());
        Map<String, Object> both = new HashMap<>();
        both.put("login.failed.delay", "3");
        both.put("auth.failed.delay", "0.5");
        assertEquals(Duration.ofMillis(500), parse(both, d).settings().loginFailedDelay(), "auth.failed.delay wins");
        both.put("auth.failed.delay", "soon");
        ServerSettings.Parsed parsed = parse(both, d);
        assertEquals(Duration.ofSeconds(3), parsed.settings().loginFailedDelay(), "a bad alias keeps the other");
        assertEquals("auth.failed.delay", parsed.problems().get(0).key());
    }
}
