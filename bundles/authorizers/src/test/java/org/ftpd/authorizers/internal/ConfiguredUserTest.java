package org.ftpd.authorizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Credentials;
import org.ftpd.api.UnknownUserException;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The per-configuration component: validation, serving, and the plain-password rewrite through ConfigAdmin. */
class ConfiguredUserTest {

    private static final String PID = "org.ftpd.user~alice";

    /** A ConfigurationAdmin holding one configuration, counting updates. */
    private static final class FakeConfigAdmin {
        final Hashtable<String, Object> stored = new Hashtable<>();
        int updates;
        String lastFilter;

        ConfigurationAdmin admin() {
            Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getPid" -> PID;
                        case "getProperties" -> new Hashtable<>(stored);
                        case "update" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                            stored.clear();
                            Collections.list(d.keys()).forEach(k -> stored.put(k, d.get(k)));
                            updates++;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                        if (method.getName().equals("listConfigurations")) {
                            lastFilter = (String) args[0];
                            return lastFilter.equals("(service.pid=" + PID + ")")
                                    ? new Configuration[] {configuration} : null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        Map<String, Object> properties() {
            return new HashMap<>(stored);
        }
    }

    private final ConfigAuthorizer authorizer = new ConfigAuthorizer();
    private final FakeConfigAdmin configAdmin = new FakeConfigAdmin();
    private final ConfiguredUser component = new ConfiguredUser(authorizer, configAdmin.admin(),
            new UserConfigParser(p -> Pbkdf2Password.create(p, 1000), Path.of("/k")));

    private void login(String password) throws AuthenticationException {
        authorizer.authenticate(new Credentials("alice", password, new InetSocketAddress("127.0.0.1", 2000), false));
    }

    @Test
    void plainPasswordIsServedAndRewrittenOnceAsItsHash() throws AuthenticationException {
        configAdmin.stored.putAll(Map.of("service.pid", PID, "name", "alice", "password", "plain-pw", "home", "/srv/a",
                "felix.fileinstall.filename", "file:/opt/karaf/etc/org.ftpd.user-alice.cfg"));
        component.configure(configAdmin.properties());
        login("plain-pw");
        assertEquals(1, configAdmin.updates);
        String stored = (String) configAdmin.stored.get("password");
        assertTrue(stored.startsWith("$pbkdf2-sha256$"), stored);
        assertTrue(Pbkdf2Password.parse(stored).matches("plain-pw"));
        assertEquals("file:/opt/karaf/etc/org.ftpd.user-alice.cfg", configAdmin.stored.get("felix.fileinstall.filename"),
                "the other keys stay, so fileinstall writes the same file");

        // ConfigAdmin delivers the update: a hash now, so no further rewrite (no loop)
        component.configure(configAdmin.properties());
        assertEquals(1, configAdmin.updates);
        login("plain-pw");
        assertThrows(AuthenticationException.class, () -> login("wrong"));
    }

    @Test
    void noRewriteWhenTheValueChangedMeanwhile() {
        configAdmin.stored.putAll(Map.of("service.pid", PID, "password", "newer", "home", "/srv/a"));
        Map<String, Object> delivered = new HashMap<>(Map.of("service.pid", PID, "password", "older", "home", "/srv/a"));
        component.configure(delivered);
        assertEquals(0, configAdmin.updates);
        assertEquals("newer", configAdmin.stored.get("password"));
    }

    @Test
    void anInvalidChangeStopsServingTheUser() throws AuthenticationException {
        String hash = Pbkdf2Password.create("pw", 1000).encoded();
        component.configure(new HashMap<>(Map.of("service.pid", PID, "password", hash, "home", "/srv/a")));
        login("pw");
        component.configure(new HashMap<>(Map.of("service.pid", PID, "password", hash, "home", "/srv/a",
                "perm", "elrZ")));
        assertInstanceOf(UnknownUserException.class, assertThrows(AuthenticationException.class, () -> login("pw")));
        component.configure(new HashMap<>(Map.of("service.pid", PID, "password", hash, "home", "/srv/a")));
        login("pw");
        component.deactivate(ConfiguredUser.CONFIGURATION_DELETED);
        assertInstanceOf(UnknownUserException.class, assertThrows(AuthenticationException.class, () -> login("pw")));
        assertEquals(0, configAdmin.updates, "a hash is never rewritten");
    }

    @Test
    void anInvalidConfigurationStillLosesItsPlainPassword() throws AuthenticationException {
        configAdmin.stored.putAll(Map.of("service.pid", PID, "password", "plain-pw", "home", "/srv/a", "perm", "elrq"));
        component.configure(configAdmin.properties());
        assertInstanceOf(UnknownUserException.class, assertThrows(AuthenticationException.class, () -> login("plain-pw")));
        assertEquals(1, configAdmin.updates);
        assertTrue(Pbkdf2Password.parse((String) configAdmin.stored.get("password")).matches("plain-pw"));
        // fixed later: the hash serves
        configAdmin.stored.put("perm", "elr");
        component.configure(configAdmin.properties());
        login("plain-pw");
        assertEquals(1, configAdmin.updates);
    }

    @Test
    void filterValuesAreEscaped() {
        assertEquals("a\\(b\\)\\*c\\\\", PasswordRewriter.escape("a(b)*c\\"));
    }

    @Test
    void onlyADeletedConfigurationTellsTheAccountListeners() throws AuthenticationException {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        authorizer.accountListeners(java.util.List.of((source, user, reason) -> heard.add(user + ": " + reason)));
        String hash = Pbkdf2Password.create("pw", 1000).encoded();
        Map<String, Object> alice = Map.of("service.pid", PID, "password", hash, "home", "/srv/a");
        component.configure(new HashMap<>(alice));
        component.deactivate(ConfiguredUser.BUNDLE_STOPPED);
        assertEquals(java.util.List.of(), heard, "a bundle stop is not a removal");
        component.configure(new HashMap<>(alice));
        component.configure(new HashMap<>(Map.of("service.pid", PID, "password", hash, "home", "/srv/a",
                "perm", "elrZ")));
        assertEquals(java.util.List.of(), heard, "an invalid change waits to be fixed, sessions are not concerned");
        component.configure(new HashMap<>(alice));
        component.deactivate(ConfiguredUser.CONFIGURATION_DELETED);
        assertEquals(java.util.List.of("alice: user deleted"), heard);
        assertInstanceOf(UnknownUserException.class, assertThrows(AuthenticationException.class, () -> login("pw")));
    }
}
