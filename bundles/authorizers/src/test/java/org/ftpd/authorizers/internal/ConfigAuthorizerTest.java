package org.ftpd.authorizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Credentials;
import org.ftpd.api.Permissions;
import org.ftpd.api.UnknownUserException;
import org.junit.jupiter.api.Test;

class ConfigAuthorizerTest {

    private final UserConfigParser parser = new UserConfigParser(p -> Pbkdf2Password.create(p, 1000), Path.of("/k"));
    private final List<String> decoyChecks = new CopyOnWriteArrayList<>();
    private final ConfigAuthorizer authorizer = new ConfigAuthorizer(decoyChecks::add);

    private UserSettings user(String pid, String name, String password, Object... more) {
        Map<String, Object> map = new HashMap<>(Map.of("service.pid", pid, "name", name, "home", "/srv/" + name));
        if (password != null) {
            map.put("password", password);
        }
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        UserConfigParser.Result r = parser.parse(map);
        assertTrue(r.valid(), r.problems()::toString);
        return r.settings();
    }

    private Account login(String name, String password) throws AuthenticationException {
        return authorizer.authenticate(new Credentials(name, password, new InetSocketAddress("127.0.0.1", 40000), false));
    }

    @Test
    void knownUserWithTheRightPassword() throws AuthenticationException {
        authorizer.put(user("p1", "alice", "pw1", "perm", "elrw"));
        Account a = login("alice", "pw1");
        assertEquals("alice", a.userName());
        assertEquals(Permissions.parse("elrw"), a.permissions());
        // the second login is answered from the cache and gives the same account
        assertSame(a, login("alice", "pw1"));
    }

    @Test
    void wrongPasswordIsFinalUnknownUserIsNot() {
        authorizer.put(user("p1", "alice", "pw1"));
        AuthenticationException wrong = assertThrows(AuthenticationException.class, () -> login("alice", "pw2"));
        assertFalse(wrong instanceof UnknownUserException, "another authorizer must not be asked");
        assertThrows(AuthenticationException.class, () -> login("alice", ""));
        assertInstanceOf(UnknownUserException.class, assertThrows(AuthenticationException.class, () -> login("bob", "pw1")));
        assertInstanceOf(UnknownUserException.class, assertThrows(AuthenticationException.class, () -> login("Alice", "pw1")));
    }

    @Test
    void anonymousLogsInWithAnyPasswordReadOnly() throws AuthenticationException {
        authorizer.put(user("pa", "anonymous", null, "perm", "elradfmwMT"));
        Account a = login("anonymous", "guest@example.com");
        assertFalse(a.permissions().allowsWriting());
        assertEquals(Permissions.READ_ONLY, login("anonymous", "").permissions());
    }

    @Test
    void disabledUsersAreRefused() {
        authorizer.put(user("p1", "alice", "pw1", "enabled", "false"));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> login("alice", "pw1"));
        assertTrue(e.getMessage().contains("disabled"));
    }

    @Test
    void changesAndRemovalsApplyAtOnceAndResetTheCache() throws AuthenticationException {
        authorizer.put(user("p1", "alice", "old"));
        login("alice", "old");
        authorizer.put(user("p1", "alice", "new"));
        assertThrows(AuthenticationException.class, () -> login("alice", "old"), "the cached old password is gone");
        login("alice", "new");
        authorizer.put(user("p1", "alicia", "new"));
        assertInstanceOf(UnknownUserException.class, assertThrows(AuthenticationException.class, () -> login("alice", "new")));
        login("alicia", "new");
        authorizer.remove("p1");
        assertInstanceOf(UnknownUserException.class, assertThrows(AuthenticationException.class, () -> login("alicia", "new")));
        assertTrue(authorizer.userNames().isEmpty());
    }

    @Test
    void aDuplicateNameDoesNotReplaceTheFirst() throws AuthenticationException {
        authorizer.put(user("org.ftpd.user~a", "alice", "first"));
        authorizer.put(user("org.ftpd.user~b", "alice", "second"));
        login("alice", "first");
        assertThrows(AuthenticationException.class, () -> login("alice", "second"));
        authorizer.remove("org.ftpd.user~a");
        login("alice", "second");
    }

    @Test
    void cacheIsKeyedByUserAndPassword() {
        VerifiedPasswords alice = new VerifiedPasswords("alice");
        alice.add("pw");
        assertTrue(alice.contains("pw"));
        assertFalse(alice.contains("pw "));
        assertFalse(new VerifiedPasswords("alice").contains("pw"), "a new configuration starts empty");
        for (int i = 0; i < 100; i++) {
            alice.add("other" + i);
        }
        assertTrue(alice.contains("other99"));
    }

    @Test
    void unknownAndDisabledUsersSpendAPasswordCheckLikeWrongPasswords() {
        authorizer.put(user("p1", "alice", "pw1"));
        authorizer.put(user("p2", "dave", "pw4", "enabled", "false"));
        assertThrows(AuthenticationException.class, () -> login("alice", "bad"));
        assertEquals(List.of(), decoyChecks, "a real check needs no decoy");
        assertThrows(UnknownUserException.class, () -> login("nobody", "guess1"));
        assertThrows(AuthenticationException.class, () -> login("dave", "guess2"));
        assertEquals(List.of("guess1", "guess2"), decoyChecks);
    }

    @Test
    void theDecoyCostsAsMuchAsARealCheckAndMatchesNothing() {
        // the decoy uses the default iterations, like the hashes written for plain passwords
        Pbkdf2Password real = Pbkdf2Password.create("pw");
        long start = System.nanoTime();
        real.matches("other");
        long realCheck = System.nanoTime() - start;
        DecoyPassword.spendHashCost("warm-up");
        start = System.nanoTime();
        DecoyPassword.spendHashCost("other");
        long decoyCheck = System.nanoTime() - start;
        assertTrue(decoyCheck * 3 > realCheck, "decoy " + decoyCheck + " ns, real " + realCheck + " ns");
    }

    @Test
    void listenersHearOfUsersWhoCanNoLongerLogIn() {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<org.ftpd.api.Authorizer> sources = new CopyOnWriteArrayList<>();
        authorizer.accountListeners(List.of((source, user, reason) -> {
            sources.add(source);
            heard.add(user + ": " + reason);
        }, (source, user, reason) -> {
            throw new IllegalStateException("a failing listener does not stop the others");
        }));
        authorizer.put(user("p1", "alice", "pw"));
        authorizer.put(user("p2", "bob", "pw"));
        authorizer.put(user("p1", "alice", "changed"));
        assertEquals(List.of(), heard, "a new password is no removal");
        authorizer.put(user("p1", "alice", "changed", "enabled", "false"));
        authorizer.put(user("p1", "alice", "changed"));
        authorizer.put(user("p1", "alicia", "changed"));
        authorizer.remove("p2");
        authorizer.put(user("p2", "bob", "pw"));
        assertTrue(authorizer.delete("p2"));
        assertTrue(!authorizer.delete("p2"), "already gone");
        assertEquals(List.of("alice: user disabled", "alice: user renamed", "bob: user deleted"), heard);
        assertTrue(sources.stream().allMatch(s -> s == authorizer));
    }

    @Test
    void aDeletedDuplicateLeavesTheNameServedAndSaysNothing() {
        List<String> heard = new CopyOnWriteArrayList<>();
        authorizer.accountListeners(List.of((source, user, reason) -> heard.add(user)));
        authorizer.put(user("org.ftpd.user~a", "alice", "first"));
        authorizer.put(user("org.ftpd.user~b", "alice", "second"));
        authorizer.delete("org.ftpd.user~a");
        assertEquals(List.of(), heard);
    }
}
