package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key {@code removed.user.sessions}: keep (default) or close; a bad value keeps the last good one. */
class RemovedUserSessionsSettingTest {

    @Test
    void keepsSessionsByDefault() {
        assertFalse(ServerSettings.defaults().closeRemovedUserSessions());
        assertTrue(ServerSettings.keyNames().contains(ServerSettings.REMOVED_USER_SESSIONS));
    }

    @Test
    void readsKeepAndCloseInAnyCase() {
        ServerSettings close = parse("Close", ServerSettings.defaults()).settings();
        assertTrue(close.closeRemovedUserSessions());
        assertFalse(parse("keep", close).settings().closeRemovedUserSessions());
        assertFalse(close.equals(ServerSettings.defaults()), "the key takes part in equality");
        assertTrue(close.toBuilder().build().closeRemovedUserSessions());
    }

    @Test
    void aBadValueKeepsTheLastGoodOneAndIsReported() {
        ServerSettings close = ServerSettings.builder().closeRemovedUserSessions(true).build();
        ServerSettings.Parsed parsed = parse("sometimes", close);
        assertTrue(parsed.settings().closeRemovedUserSessions());
        List<SettingsProblem> problems = parsed.problems();
        assertEquals(1, problems.size());
        assertEquals(ServerSettings.REMOVED_USER_SESSIONS, problems.get(0).key());
        assertTrue(problems.get(0).message().contains("expected keep or close"), problems.get(0).message());
    }

    private static ServerSettings.Parsed parse(String value, ServerSettings previous) {
        return ServerSettings.parse(Map.of(ServerSettings.REMOVED_USER_SESSIONS, value), previous);
    }
}
