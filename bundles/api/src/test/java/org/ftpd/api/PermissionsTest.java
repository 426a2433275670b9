package org.ftpd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    @Test
    void parsesAllLettersInPyftpdlibOrder() {
        assertEquals("elradfmwMT", Permissions.parse("TMwmfdarle").letters());
    }

    @Test
    void rejectsUnknownLetterNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Permissions.parse("elrx"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void readOnlyDropsEveryWriteLetter() {
        Permissions p = Permissions.ALL.readOnly();
        assertEquals("elr", p.letters());
        assertFalse(p.allowsWriting());
        assertTrue(Permissions.parse("elrw").allowsWriting());
    }

    @Test
    void deepestOverrideDecides() {
        Account a = Account.builder("alice", URI.create("file:/srv/alice"))
                .permissions(Permissions.READ_ONLY)
                .override(new PermissionOverride("/up", Permissions.parse("elrw"), true))
                .override(new PermissionOverride("/up/locked/", Permissions.parse("el"), false))
                .build();
        assertEquals("elr", a.permissionsIn("/").letters());
        assertEquals("elrw", a.permissionsIn("/up").letters());
        assertEquals("elrw", a.permissionsIn("/up/a/b").letters());
        assertEquals("el", a.permissionsIn("/up/locked").letters());
        // not recursive: below /up/locked the /up override applies again
        assertEquals("elrw", a.permissionsIn("/up/locked/x").letters());
        assertEquals("elr", a.permissionsIn("/upper").letters());
    }
}
