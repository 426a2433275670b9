package org.ftpd.authorizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Credentials;
import org.ftpd.api.Permissions;
import org.ftpd.api.UnknownUserException;
import org.junit.jupiter.api.Test;

class JaasAuthorizerTest {

    /** Users as name -> password, roles...; roles become principals of a class named RolePrincipal. */
    static final Map<String, List<String>> USERS = Map.of(
            "writer", List.of("w-pw", "ftp", "ftp-write"),
            "reader", List.of("r-pw", "ftp"),
            "admin", List.of("a-pw", "admin"));

    /** Same simple name as Karaf's org.apache.karaf.jaas.boot.principal.RolePrincipal. */
    public static final class RolePrincipal implements Principal {
        private final String name;

        RolePrincipal(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** A user that is not a role: must not count as one. */
    record UserPrincipal(String getName) implements Principal {
    }

    public static final class TestLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private List<String> entry;
        private String user;

        @Override
        public void initialize(Subject s, CallbackHandler h, Map<String, ?> sharedState, Map<String, ?> options) {
            subject = s;
            handler = h;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            user = name.getName();
            entry = USERS.get(user);
            if (entry == null || !entry.get(0).equals(new String(password.getPassword()))) {
                throw new FailedLoginException("no");
            }
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal("ftp"));
            entry.subList(1, entry.size()).forEach(r -> subject.getPrincipals().add(new RolePrincipal(r)));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    private static final Configuration CONFIG = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            if (!name.equals("test-realm") && !name.equals("karaf")) {
                return null;
            }
            return new AppConfigurationEntry[] {new AppConfigurationEntry(TestLoginModule.class.getName(),
                    LoginModuleControlFlag.REQUIRED, Map.of())};
        }
    };

    private final Path base = Path.of("/kb").toAbsolutePath();
    private final JaasAuthorizer authorizer = new JaasAuthorizer(new RealmLogin(CONFIG), base);

    private void configure(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        authorizer.configure(map);
    }

    private Account login(String name, String password) throws AuthenticationException {
        return authorizer.authenticate(new Credentials(name, password, new InetSocketAddress("127.0.0.1", 1), false));
    }

    @Test
    void defaultsAdmitTheFtpRoleWithPermissionsByRoleAndHomesUnderKarafBase() throws AuthenticationException {
        configure();
        Account writer = login("writer", "w-pw");
        assertEquals(Permissions.ALL, writer.permissions(), "ftp-write is the highest matching role");
        assertEquals(base.resolve("ftp/users/writer").toUri(), writer.home());
        Account reader = login("reader", "r-pw");
        assertEquals(Permissions.READ_ONLY, reader.permissions());
        assertEquals(base.resolve("ftp/users/reader").toUri(), reader.home());
    }

    @Test
    void refusalsAreUnknownUsersSoOtherAuthorizersMayAnswer() {
        configure();
        assertThrows(UnknownUserException.class, () -> login("writer", "wrong"));
        assertThrows(UnknownUserException.class, () -> login("nobody", "x"));
        assertThrows(UnknownUserException.class, () -> login("admin", "a-pw"), "no ftp role, no FTP login");
        assertThrows(UnknownUserException.class, () -> login("../writer", "w-pw"));
        assertThrows(UnknownUserException.class, () -> login("..", "x"));
    }

    @Test
    void realmRoleMappingAndHomeBaseAreConfigurable() throws AuthenticationException {
        configure("realm", "test-realm", "role", "admin", "role.perm", "admin=elrw", "home.base", "/srv/ftp");
        Account admin = login("admin", "a-pw");
        assertEquals(Permissions.parse("elrw"), admin.permissions());
        assertEquals(Path.of("/srv/ftp/admin").toAbsolutePath().toUri(), admin.home());
        assertThrows(UnknownUserException.class, () -> login("reader", "r-pw"));
    }

    @Test
    void anUnknownRealmRefusesEveryone() {
        configure("realm", "no-such-realm");
        assertThrows(UnknownUserException.class, () -> login("writer", "w-pw"));
    }

    @Test
    void anInvalidChangeKeepsTheLastGoodConfiguration() throws AuthenticationException {
        configure("role.perm", "ftp=elrw");
        configure("role.perm", "ftp=elrZ", "realm", "test-realm");
        assertEquals(Permissions.parse("elrw"), login("reader", "r-pw").permissions());
        configure("role.perm", new String[] {"ftp=e", "ftp-write=elr"});
        assertEquals(Permissions.parse("elr"), login("writer", "w-pw").permissions());
        assertEquals(Permissions.parse("e"), login("reader", "r-pw").permissions());
    }

    @Test
    void anInvalidFirstConfigurationFallsBackToTheDefaults() throws AuthenticationException {
        configure("role", "");
        assertEquals(Permissions.READ_ONLY, login("reader", "r-pw").permissions());
    }
}
