package org.ftpd.authorizers.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    @Test
    void remembersOnlyThePasswordsAddedForThisUser() {
        VerifiedPasswords alice = new VerifiedPasswords("alice");
        alice.add("secret");
        assertTrue(alice.contains("secret"));
        assertTrue(alice.contains("secret"), "asked twice: the reused digest starts afresh each time");
        assertFalse(alice.contains("secret2"));
        assertFalse(alice.contains("Secret"));
        VerifiedPasswords bob = new VerifiedPasswords("bob");
        assertFalse(bob.contains("secret"));
    }

    @Test
    void anotherThreadComputesTheSameDigest() throws Exception {
        VerifiedPasswords alice = new VerifiedPasswords("alice");
        CompletableFuture.runAsync(() -> alice.add("from another thread")).get();
        assertTrue(alice.contains("from another thread"));
    }
}
