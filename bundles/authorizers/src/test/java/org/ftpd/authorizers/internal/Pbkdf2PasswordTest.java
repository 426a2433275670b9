package org.ftpd.authorizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2PasswordTest {

    @Test
    void defaultHashHasTheSelfDescribingFormatAndVerifies() {
        Pbkdf2Password hash = Pbkdf2Password.create("s3cret pass");
        String encoded = hash.encoded();
        assertTrue(encoded.matches("\\$pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), encoded);
        Pbkdf2Password parsed = Pbkdf2Password.parse(encoded);
        assertEquals(600_000, parsed.iterations());
        assertTrue(parsed.matches("s3cret pass"));
        assertFalse(parsed.matches("s3cret pasS"));
        assertFalse(parsed.matches(""));
    }

    @Test
    void saltsDifferSoEqualPasswordsHashDifferently() {
        String a = Pbkdf2Password.create("same", 1000).encoded();
        String b = Pbkdf2Password.create("same", 1000).encoded();
        assertNotEquals(a, b);
        assertTrue(Pbkdf2Password.parse(a).matches("same"));
        assertTrue(Pbkdf2Password.parse(b).matches("same"));
    }

    @Test
    void verifiesAKnownVector() {
        // PBKDF2-HMAC-SHA256("password", salt "saltsalt", 1000 iterations, 32 bytes), computed with Python's
        // hashlib.pbkdf2_hmac, an implementation independent of the JDK's
        String encoded = "$pbkdf2-sha256$1000$c2FsdHNhbHQ$E196ZhRPzw+wA84EjzHwJO1cv/MFJdO6C/sxmUeTYqY";
        assertTrue(Pbkdf2Password.parse(encoded).matches("password"));
        assertFalse(Pbkdf2Password.parse(encoded).matches("Password"));
    }

    @Test
    void unicodePasswords() {
        Pbkdf2Password hash = Pbkdf2Password.create("pässwörd-密码", 1000);
        assertTrue(Pbkdf2Password.parse(hash.encoded()).matches("pässwörd-密码"));
        assertFalse(Pbkdf2Password.parse(hash.encoded()).matches("passwortd-密码"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$pbkdf2-sha256$", "$pbkdf2-sha256$1000$c2FsdHNhbHQ", "$pbkdf2-sha256$abc$c2FsdHNhbHQ$AAAA",
        "$pbkdf2-sha256$10$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA", "$pbkdf2-sha256$1000$!!!$AAAAAAAAAAAAAAAAAAAAAA",
        "$pbkdf2-sha256$1000$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA", "$pbkdf2-sha256$1000$c2FsdHNhbHQ$AAAA",
        "$pbkdf2-sha256$1000$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA$extra", "plain"})
    void malformedHashesAreRejectedWithAReason(String encoded) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pbkdf2Password.parse(encoded));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void recognisesHashShapes() {
        assertTrue(Pbkdf2Password.looksLikeThisScheme("$pbkdf2-sha256$1$a$b"));
        assertTrue(Pbkdf2Password.looksLikeAnyHash("$2y$10$abc"));
        assertFalse(Pbkdf2Password.looksLikeAnyHash("plain$text"));
        assertFalse(Pbkdf2Password.looksLikeAnyHash("$"));
    }
}
