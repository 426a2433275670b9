package org.ftpd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class UserConfigurationsTest {

    /** ConfigurationAdmin in memory: only the calls the commands make. */
    private final Map<String, Dictionary<String, Object>> store = new TreeMap<>();

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getFactoryPid" -> UserConfigurations.FACTORY_PID;
                    case "getProperties" -> {
                        Dictionary<String, Object> d = store.get(pid);
                        yield d == null ? null : new Hashtable<>(Collections.list(d.keys()).stream()
                                .collect(java.util.stream.Collectors.toMap(k -> k, d::get)));
                    }
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                        store.put(pid, d);
                        yield null;
                    }
                    case "delete" -> {
                        store.remove(pid);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private final ConfigurationAdmin configAdmin = (ConfigurationAdmin) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ConfigurationAdmin.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getFactoryConfiguration" -> configuration(args[0] + "~" + args[1]);
                case "listConfigurations" -> store.isEmpty() ? null
                        : store.keySet().stream().map(this::configuration).toArray(Configuration[]::new);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final UserConfigurations users = new UserConfigurations(configAdmin);

    @Test
    void addWritesTheFactoryConfigurationTheAuthorizerReads() throws Exception {
        users.add("alice", "$pbkdf2-sha256$1000$c2FsdHNhbHQ$aGFzaA", "/srv/ftp/alice", "elrw");
        Dictionary<String, Object> d = store.get("org.ftpd.user~alice");
        assertEquals("alice", d.get("name"));
        assertEquals("/srv/ftp/alice", d.get("home"));
        assertEquals("elrw", d.get("perm"));
        assertTrue(String.valueOf(d.get("password")).startsWith("$pbkdf2-sha256$"));
        assertThrows(IllegalArgumentException.class, () -> users.add("alice", "h", "/x", "elr"), "no duplicates");
    }

    @Test
    void passwdReplacesOnlyThePasswordAndRemoveDeletes() throws Exception {
        users.add("bob", "old", "/srv/bob", "elr");
        assertTrue(users.setPassword("bob", "new"));
        assertEquals("new", store.get("org.ftpd.user~bob").get("password"));
        assertEquals("/srv/bob", store.get("org.ftpd.user~bob").get("home"));
        assertFalse(users.setPassword("nobody", "x"));
        assertTrue(users.remove("bob"));
        assertNull(users.find("bob"));
        assertFalse(users.remove("bob"));
    }

    @Test
    void listShowsUsersByNameWithoutTheirPasswords() throws Exception {
        users.add("zed", "$pbkdf2-sha256$secret-hash", "/z", "elr");
        // a file dropped into etc/ without a name key: the name comes from the PID
        Dictionary<String, Object> dropped = new Hashtable<>(Map.of("home", "/a", "perm", "elradfmwMT",
                "enabled", "false"));
        store.put("org.ftpd.user-anna", dropped);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UserListCommand.print(users, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].matches("anna\\s+elradfmwMT\\s+false\\s+/a"), lines[1]);
        assertTrue(lines[2].matches("zed\\s+elr\\s+true\\s+/z"), lines[2]);
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("secret-hash"));
    }

    @Test
    void namesThatCannotBeFileNamesAreRefused() {
        for (String bad : new String[] {"", "../x", "a/b", ".hidden", "a b", "x".repeat(65)}) {
            assertThrows(IllegalArgumentException.class, () -> UserConfigurations.checkName(bad), bad);
        }
        assertEquals("ok.name-1@x", UserConfigurations.checkName("ok.name-1@x"));
    }

    @Test
    void theHashIsTheAuthorizersSelfDescribingPbkdf2Form() throws Exception {
        char[] password = "s3cret".toCharArray();
        String hash = PasswordHash.hash(password, 1000);
        assertArrayEquals(new char[6], password, "the password is wiped after hashing");
        String[] parts = hash.split("\\$");
        assertEquals("pbkdf2-sha256", parts[1]);
        assertEquals("1000", parts[2]);
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        PBEKeySpec spec = new PBEKeySpec("s3cret".toCharArray(), salt, 1000, 256);
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        assertArrayEquals(expected, Base64.getDecoder().decode(parts[4]));
        assertFalse(hash.equals(PasswordHash.hash("s3cret".toCharArray(), 1000)), "a new salt each time");
    }
}
