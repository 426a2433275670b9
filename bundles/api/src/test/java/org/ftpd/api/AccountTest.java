package org.ftpd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountTest {

    @Test
    void propertiesAreKeptImmutableAndNullRemoves() {
        Account account = Account.builder("admin", URI.create("file:/srv/ftp/admin"))
                .property(FileSystemFactory.UNJAILED, "true")
                .property(FileSystemFactory.UMASK, "027")
                .property(FileSystemFactory.QUOTA_BYTES, "10")
                .property(FileSystemFactory.QUOTA_BYTES, null)
                .build();
        assertEquals(Map.of("unjailed", "true", "umask", "027"), account.properties());
        assertEquals("027", account.property(FileSystemFactory.UMASK));
        assertNull(account.property(FileSystemFactory.QUOTA_BYTES));
        assertThrows(UnsupportedOperationException.class, () -> account.properties().put("x", "y"));
    }

    @Test
    void anAccountWithoutPropertiesHasAnEmptyMap() {
        assertTrue(Account.builder("u", URI.create("file:/x")).build().properties().isEmpty());
    }
}
