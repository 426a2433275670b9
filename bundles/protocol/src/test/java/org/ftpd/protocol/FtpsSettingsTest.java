package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tls.* keys of etc/org.ftpd.cfg: defaults, parsing, and bad values naming key, value and reason. */
class FtpsSettingsTest {

    @Test
    void defaults() {
        ServerSettings d = ServerSettings.defaults();
        assertEquals(0, d.tlsImplicitPort());
        assertFalse(d.tlsControlRequired());
        assertFalse(d.tlsDataRequired());
        assertNull(d.tlsSessionReuseSetting());
        assertFalse(d.tlsSessionReuseRequired());
        assertFalse(d.tlsAnonymousExempt());
        assertEquals(Duration.ofSeconds(10), d.tlsHandshakeTimeout());
        assertTrue(ServerSettings.keyNames().containsAll(List.of("tls.implicit.port", "tls.control.required",
                "tls.data.required", "tls.session.reuse.required", "tls.anonymous.exempt", "tls.handshake.timeout")));
    }

    @Test
    void parsesTheTlsKeys() {
        ServerSettings.Parsed parsed = ServerSettings.parse(Map.of("tls.implicit.port", "990",
                "tls.control.required", "true", "tls.data.required", "TRUE", "tls.session.reuse.required", "false",
                "tls.anonymous.exempt", true, "tls.handshake.timeout", "3"), ServerSettings.defaults());
        assertEquals(List.of(), parsed.problems());
        ServerSettings s = parsed.settings();
        assertEquals(990, s.tlsImplicitPort());
        assertTrue(s.tlsControlRequired());
        assertTrue(s.tlsDataRequired());
        assertFalse(s.tlsSessionReuseRequired(), "an explicit false wins over the requirements");
        assertTrue(s.tlsAnonymousExempt());
        assertEquals(Duration.ofSeconds(3), s.tlsHandshakeTimeout());

        ServerSettings auto = ServerSettings.parse(Map.of("tls.implicit.port", "", "tls.data.required", "true",
                "tls.session.reuse.required", "auto"), s).settings();
        assertEquals(0, auto.tlsImplicitPort(), "empty means off");
        assertNull(auto.tlsSessionReuseSetting());
        assertTrue(auto.tlsSessionReuseRequired());
        assertTrue(auto.listensElsewhereThan(ServerSettings.defaults()) == false);
        assertTrue(s.tlsListensElsewhereThan(auto));
    }

    @Test
    void badValuesAreReportedAndThePreviousOnesKept() {
        ServerSettings previous = ServerSettings.defaults().toBuilder().tlsImplicitPort(990)
                .tlsSessionReuseRequired(true).build();
        ServerSettings.Parsed parsed = ServerSettings.parse(Map.of("tls.implicit.port", "abc",
                "tls.control.required", "yes", "tls.session.reuse.required", "sometimes",
                "tls.handshake.timeout", "0"), previous);
        List<String> messages = parsed.problems().stream().map(SettingsProblem::message).sorted().toList();
        assertEquals(List.of(
                "invalid value for configuration key 'tls.control.required': 'yes' (expected true or false); "
                        + "keeping 'false'",
                "invalid value for configuration key 'tls.handshake.timeout': '0' (must be between 1 and 3600); "
                        + "keeping '10'",
                "invalid value for configuration key 'tls.implicit.port': 'abc' (not a whole number); keeping '990'",
                "invalid value for configuration key 'tls.session.reuse.required': 'sometimes' (expected true, "
                        + "false or auto); keeping 'true'"), messages);
        assertEquals(990, parsed.settings().tlsImplicitPort());
        assertTrue(parsed.settings().tlsSessionReuseRequired());
    }
}
