package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void defaultsAreThoseOfTheContract() {
        ServerSettings d = ServerSettings.defaults();
        assertEquals("0.0.0.0", d.host());
        assertEquals(2121, d.port());
        assertNull(d.passivePorts());
        assertNull(d.masqueradeAddress());
        assertEquals("pyftpd-java ready.", d.banner());
        assertEquals(256, d.maxConnections());
        assertEquals(16, d.maxConnectionsPerIp());
        assertEquals(Duration.ofSeconds(300), d.idleTimeout());
    }

    @Test
    void parsesEveryKey() {
        Map<String, Object> p = new HashMap<>();
        p.put("host", "127.0.0.1");
        p.put("port", "2222");
        p.put("passive.ports", "60000-60099");
        p.put("masquerade.address", "203.0.113.7");
        p.put("banner", "Hello");
        p.put("max.connections", 10);
        p.put("max.connections.per.ip", "2");
        p.put("idle.timeout", "60");
        p.put("data.timeout", "30");
        p.put("passive.accept.timeout", "5");
        p.put("max.login.attempts", "5");
        p.put("login.failed.delay", "0.25");
        p.put("permit.foreign.addresses", "true");
        p.put("permit.privileged.ports", Boolean.TRUE);
        p.put("max.line.length", "1024");
        p.put("service.pid", "org.ftpd");
        ServerSettings.Parsed parsed = ServerSettings.parse(p, ServerSettings.defaults());
        assertEquals(List.of(), parsed.problems());
        ServerSettings s = parsed.settings();
        assertEquals("127.0.0.1", s.host());
        assertEquals(2222, s.port());
        assertEquals(new PortRange(60000, 60099), s.passivePorts());
        assertEquals("203.0.113.7", s.masqueradeAddress());
        assertEquals("Hello", s.banner());
        assertEquals(10, s.maxConnections());
        assertEquals(2, s.maxConnectionsPerIp());
        assertEquals(Duration.ofSeconds(60), s.idleTimeout());
        assertEquals(Duration.ofSeconds(30), s.dataTimeout());
        assertEquals(Duration.ofSeconds(5), s.passiveAcceptTimeout());
        assertEquals(5, s.maxLoginAttempts());
        assertEquals(Duration.ofMillis(250), s.loginFailedDelay());
        assertTrue(s.permitForeignAddresses());
        assertTrue(s.permitPrivilegedPorts());
        assertEquals(1024, s.maxLineLength());
    }

    @Test
    void aBadValueIsReportedWithKeyValueAndReasonAndTheLastGoodValueStays() {
        ServerSettings previous = ServerSettings.builder().port(2300).build();
        ServerSettings.Parsed parsed = ServerSettings.parse(Map.of("port", "abc", "banner", "Hi"), previous);
        assertEquals(2300, parsed.settings().port());
        assertEquals("Hi", parsed.settings().banner());
        assertEquals(1, parsed.problems().size());
        SettingsProblem problem = parsed.problems().get(0);
        assertEquals("port", problem.key());
        assertEquals("abc", problem.value());
        assertEquals("not a whole number", problem.reason());
        assertEquals(2300, problem.kept());
        assertEquals("invalid value for configuration key 'port': 'abc' (not a whole number); keeping '2300'",
                problem.message());
    }

    @Test
    void atFirstStartABadValueFallsBackToTheDefault() {
        ServerSettings.Parsed parsed = ServerSettings.parse(Map.of("port", "99999"), ServerSettings.defaults());
        assertEquals(2121, parsed.settings().port());
        assertEquals("must be between 0 and 65535", parsed.problems().get(0).reason());
    }

    @Test
    void aMissingKeyTakesItsDefaultNotThePreviousValue() {
        ServerSettings previous = ServerSettings.builder().banner("old").build();
        assertEquals("pyftpd-java ready.", ServerSettings.parse(Map.of(), previous).settings().banner());
    }

    @Test
    void reportsEachBadKey() {
        Map<String, Object> p = new HashMap<>();
        p.put("host", "no such host!");
        p.put("passive.ports", "70000-70010");
        p.put("masquerade.address", "example.com");
        p.put("max.connections", "-1");
        p.put("idle.timeout", "soon");
        p.put("login.failed.delay", "-2");
        p.put("permit.foreign.addresses", "yes");
        p.put("banner", "");
        p.put("max.line.length", "10");
        ServerSettings.Parsed parsed = ServerSettings.parse(p, ServerSettings.defaults());
        assertEquals(p.keySet(), parsed.problems().stream().map(SettingsProblem::key)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(ServerSettings.defaults(), parsed.settings());
        parsed.problems().forEach(problem -> assertTrue(problem.message().contains(problem.key()), problem.message()));
    }

    @Test
    void acceptsIpv6AndHostNames() {
        assertEquals("::", ServerSettings.parse(Map.of("host", "::"), ServerSettings.defaults()).settings().host());
        assertEquals("localhost",
                ServerSettings.parse(Map.of("host", "localhost"), ServerSettings.defaults()).settings().host());
        assertEquals(1, ServerSettings.parse(Map.of("host", "300.1.1.1"), ServerSettings.defaults()).problems().size());
    }

    @Test
    void emptyOptionalValuesMeanUnset() {
        ServerSettings s = ServerSettings.parse(Map.of("passive.ports", "", "masquerade.address", " "),
                ServerSettings.builder().passivePorts(new PortRange(1, 2)).build()).settings();
        assertNull(s.passivePorts());
        assertNull(s.masqueradeAddress());
    }

    @Test
    void portRanges() {
        assertEquals(new PortRange(60000, 60099), PortRange.parse("60000-60099"));
        assertEquals(new PortRange(5000, 5000), PortRange.parse(" 5000 "));
        assertEquals(100, PortRange.parse("60000-60099").size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PortRange.parse("9-1"));
    }

    @Test
    void listensElsewhereOnlyForHostOrPort() {
        ServerSettings a = ServerSettings.defaults();
        assertTrue(a.listensElsewhereThan(a.toBuilder().port(1).build()));
        assertTrue(a.listensElsewhereThan(a.toBuilder().host("127.0.0.1").build()));
        assertEquals(false, a.listensElsewhereThan(a.toBuilder().banner("x").build()));
    }
}
