package org.ftpd.protocol.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Authorizer;
import org.ftpd.api.Credentials;
import org.ftpd.api.PermissionOverride;
import org.ftpd.api.Permissions;
import org.ftpd.api.UnknownUserException;

/** Users held in memory, plain passwords (test only). */
public final class TestAuthorizer implements Authorizer {

    private record User(String password, URI home, Permissions permissions, List<PermissionOverride> overrides) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();

    public TestAuthorizer user(String name, String password, URI home, String perm) {
        return user(name, password, home, perm, List.of());
    }

    /** A user whose permissions differ in some directories (pyftpdlib's override_perm). */
    public TestAuthorizer user(String name, String password, URI home, String perm,
            List<PermissionOverride> overrides) {
        users.put(name, new User(password, home, Permissions.parse(perm), List.copyOf(overrides)));
        return this;
    }

    @Override
    public Account authenticate(Credentials credentials) throws AuthenticationException {
        User user = users.get(credentials.userName());
        if (user == null) {
            throw new UnknownUserException(credentials.userName());
        }
        if (!user.password().equals(credentials.password())) {
            throw new AuthenticationException("wrong password");
        }
        Account.Builder account = Account.builder(credentials.userName(), user.home()).permissions(user.permissions());
        user.overrides().forEach(account::override);
        return account.build();
    }
}
