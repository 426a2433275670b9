package org.ftpd.authorizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ftpd.api.Permissions;
import org.junit.jupiter.api.Test;

class UserConfigParserTest {

    private final UserConfigParser parser =
            new UserConfigParser(p -> Pbkdf2Password.create(p, 1000), Path.of("/opt/karaf"));

    private static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("service.pid", "org.ftpd.user~alice");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void aCompleteUser() {
        String hash = Pbkdf2Password.create("pw", 1000).encoded();
        UserConfigParser.Result r = parser.parse(config("name", "alice", "password", hash, "home", "file:/srv/ftp/alice",
                "perm", "elradfmwMT", "perm.override", "/pub=elr, /incoming/**=elrw", "msg.login", "Welcome",
                "msg.quit", "Bye", "enabled", "true", "max.sessions", "3"));
        assertTrue(r.valid(), r.problems()::toString);
        UserSettings u = r.settings();
        assertEquals("alice", u.name());
        assertEquals(URI.create("file:/srv/ftp/alice"), u.account().home());
        assertEquals(Permissions.ALL, u.account().permissions());
        assertEquals(Permissions.READ_ONLY, u.account().permissionsIn("/pub"));
        assertEquals(Permissions.ALL, u.account().permissionsIn("/pub/sub"), "non-recursive override");
        assertEquals(Permissions.parse("elrw"), u.account().permissionsIn("/incoming/a/b"), "recursive override");
        assertEquals("Welcome", u.account().loginMessage());
        assertEquals("Bye", u.account().quitMessage());
        assertEquals(3, u.account().maxSessions());
        assertTrue(u.enabled());
        assertNull(u.plainPassword(), "already a hash: nothing to rewrite");
        assertTrue(u.password().matches("pw"));
    }

    @Test
    void defaults() {
        UserConfigParser.Result r = parser.parse(config("password", "pw", "home", "/srv/ftp/alice"));
        assertTrue(r.valid(), r.problems()::toString);
        assertEquals("alice", r.settings().name(), "the name comes from the PID");
        assertEquals(Permissions.READ_ONLY, r.settings().account().permissions(), "perm defaults to elr");
        assertEquals(0, r.settings().account().maxSessions());
        assertTrue(r.settings().enabled());
        assertNull(r.settings().account().loginMessage());
    }

    @Test
    void plainPasswordIsHashedAndMarkedForRewrite() {
        UserConfigParser.Result r = parser.parse(config("password", "plain-pw", "home", "/srv/a"));
        assertEquals("plain-pw", r.settings().plainPassword());
        assertTrue(r.settings().password().encoded().startsWith("$pbkdf2-sha256$1000$"));
        assertTrue(r.settings().password().matches("plain-pw"));
    }

    @Test
    void homes() {
        assertEquals(URI.create("file:///srv/ftp/a"), home("/srv/ftp/./a"));
        assertEquals(URI.create("file:///opt/karaf/ftp/pub"), home("ftp/pub"), "relative to karaf.base");
        assertEquals(URI.create("memory:/alice"), home("memory:/alice"));
        assertEquals(URI.create("file:///srv/x%20y"), home("/srv/x y"));
    }

    private URI home(String value) {
        UserConfigParser.Result r = parser.parse(config("password", "pw", "home", value));
        assertTrue(r.valid(), r.problems()::toString);
        return r.settings().account().home();
    }

    @Test
    void anonymousIsReadOnlyWhateverItsPermSays() {
        Map<String, Object> c = config("name", "anonymous", "home", "/srv/ftp/pub", "perm", "elradfmwMT",
                "perm.override", "/upload=elrw");
        c.put("service.pid", "org.ftpd.user~anonymous");
        UserConfigParser.Result r = parser.parse(c);
        assertTrue(r.valid(), r.problems()::toString);
        assertEquals(Permissions.READ_ONLY, r.settings().account().permissions());
        assertFalse(r.settings().account().permissionsIn("/upload").allowsWriting());
        assertEquals(2, r.settings().warnings().size(), r.settings().warnings()::toString);
        assertTrue(r.settings().warnings().get(0).contains("read-only"));
        assertNull(r.settings().password(), "no password needed");
    }

    @Test
    void everyProblemNamesKeyValueAndReason() {
        UserConfigParser.Result r = parser.parse(config("name", "bad name", "perm", "elrx", "home", "file:relative",
                "enabled", "yes", "max.sessions", "-1", "perm.override", "pub=elr"));
        assertFalse(r.valid());
        List<String> texts = r.problems().stream().map(Object::toString).toList();
        assertTrue(texts.contains("name = \"bad name\": contains a space or control character"), texts::toString);
        assertTrue(texts.contains("password = \"\": missing: a user without a password cannot log in"), texts::toString);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("perm = \"elrx\": unknown permission letter 'x'")),
                texts::toString);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("home = \"file:relative\": ")), texts::toString);
        assertTrue(texts.contains("enabled = \"yes\": expected true or false"), texts::toString);
        assertTrue(texts.contains("max.sessions = \"-1\": must be 0 (no limit) or a positive number"), texts::toString);
        assertTrue(texts.contains("perm.override = \"pub=elr\": the directory must be an absolute virtual path"),
                texts::toString);
        assertEquals(7, texts.size(), texts::toString);
    }

    @Test
    void passwordProblemsNeverShowThePassword() {
        UserConfigParser.Result bcrypt = parser.parse(config("password", "$2y$10$abcdefghij", "home", "/a"));
        assertFalse(bcrypt.valid());
        assertEquals("****", bcrypt.problems().get(0).value());
        assertTrue(bcrypt.problems().get(0).reason().contains("unsupported hash scheme"));
        UserConfigParser.Result broken = parser.parse(config("password", "$pbkdf2-sha256$12$zz", "home", "/a"));
        assertFalse(broken.valid());
        assertFalse(broken.problems().get(0).toString().contains("zz"));
    }

    @Test
    void missingNameAndHome() {
        Map<String, Object> c = config("password", "pw");
        c.put("service.pid", "org.ftpd.user.4f6c-uuid");
        UserConfigParser.Result r = parser.parse(c);
        List<String> keys = r.problems().stream().map(UserConfigParser.Problem::key).toList();
        assertEquals(List.of("name", "home"), keys);
    }

    @Test
    void filesystemKeysBecomeAccountProperties() {
        UserConfigParser.Result r = parser.parse(config("password", "pw", "home", "/a", "unjailed", "true",
                "umask", " 027 ", "quota.bytes", "10m"));
        assertTrue(r.valid(), r.problems()::toString);
        assertEquals(Map.of("unjailed", "true", "umask", "027", "quota.bytes", "10m"),
                r.settings().account().properties());
        UserConfigParser.Result plain = parser.parse(config("password", "pw", "home", "/a", "unjailed", "false"));
        assertTrue(plain.settings().account().properties().isEmpty(), "nothing set, nothing passed on");
    }

    @Test
    void badFilesystemKeysAreProblemsAndAnonymousIsNeverUnjailed() {
        UserConfigParser.Result r = parser.parse(config("password", "pw", "home", "/a", "unjailed", "yes",
                "umask", "0999", "quota.bytes", "-5"));
        assertFalse(r.valid());
        assertEquals(List.of("unjailed", "umask", "quota.bytes"),
                r.problems().stream().map(UserConfigParser.Problem::key).toList());
        Map<String, Object> c = config("name", "anonymous", "home", "/srv/ftp/pub", "unjailed", "true");
        c.put("service.pid", "org.ftpd.user~anonymous");
        UserConfigParser.Result anonymous = parser.parse(c);
        assertTrue(anonymous.valid(), anonymous.problems()::toString);
        assertNull(anonymous.settings().account().property("unjailed"));
        assertTrue(anonymous.settings().warnings().stream().anyMatch(w -> w.contains("unjailed")));
    }

    @Test
    void rateLimitsBecomeAccountPropertiesForTheEngine() {
        UserConfigParser.Result result = parser.parse(config("home", "/srv/a", "password", "x", "read.limit", "512k",
                "write.limit", " 1048576 "));
        assertEquals("512k", result.settings().account().property("read.limit"));
        assertEquals("1048576", result.settings().account().property("write.limit"));
        assertNull(parser.parse(config("home", "/srv/a", "password", "x")).settings().account()
                .property("write.limit"));
        UserConfigParser.Result bad = parser.parse(config("home", "/srv/a", "password", "x", "read.limit", "fast",
                "write.limit", "-1"));
        assertFalse(bad.valid());
        assertEquals(List.of("read.limit", "write.limit"), bad.problems().stream().map(p -> p.key()).toList());
        assertTrue(bad.problems().get(0).toString().contains("read.limit = \"fast\": expected bytes per second"),
                bad.problems().get(0).toString());
    }

    @Test
    void typedValuesFromConfigurationAdmin() {
        UserConfigParser.Result r = parser.parse(config("password", "pw", "home", "/a", "enabled", Boolean.FALSE,
                "max.sessions", 7, "perm.override", new String[] {"/a=el", "/b/**=elr"}));
        assertTrue(r.valid(), r.problems()::toString);
        assertFalse(r.settings().enabled());
        assertEquals(7, r.settings().account().maxSessions());
        assertEquals(2, r.settings().account().overrides().size());
    }
}
