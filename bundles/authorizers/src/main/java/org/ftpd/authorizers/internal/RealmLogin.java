package org.ftpd.authorizers.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * One JAAS login with a name and a password, answering the roles of the subject. In Karaf the global JAAS
 * {@link Configuration} names Karaf's proxy login module, which lives on the boot class path (boot-delegated to
 * every bundle): LoginContext loads modules through the thread's context class loader, so this bundle's loader is
 * set for the duration of the login.
 */
final class RealmLogin {

    /** Karaf's {@code org.apache.karaf.jaas.boot.principal.RolePrincipal}, matched by name (no import needed). */
    static final String ROLE_PRINCIPAL = "RolePrincipal";

    private final Configuration configuration;

    /** @param configuration the JAAS configuration, or null for the global one (Karaf's) */
    RealmLogin(Configuration configuration) {
        this.configuration = configuration;
    }

    /** Logs in and out again; the roles of the subject. */
    Set<String> roles(String realm, String user, String password) throws LoginException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RealmLogin.class.getClassLoader());
        char[] secret = password.toCharArray();
        try {
            Subject subject = new Subject();
            CallbackHandler handler = callbacks -> answer(callbacks, user, secret);
            LoginContext context = configuration == null ? new LoginContext(realm, subject, handler)
                    : new LoginContext(realm, subject, handler, configuration);
            context.login();
            Set<String> roles = new HashSet<>();
            for (Principal principal : subject.getPrincipals()) {
                if (isRole(principal)) {
                    roles.add(principal.getName());
                }
            }
            try {
                context.logout();
            } catch (LoginException e) {
                // nothing is kept from the login; a failing logout changes nothing for us
            }
            return roles;
        } finally {
            Arrays.fill(secret, '\0');
            thread.setContextClassLoader(previous);
        }
    }

    private static boolean isRole(Principal principal) {
        for (Class<?> type = principal.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getSimpleName().equals(ROLE_PRINCIPAL)) {
                return true;
            }
        }
        return false;
    }

    private static void answer(Callback[] callbacks, String user, char[] password)
            throws IOException, UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pass) {
                pass.setPassword(password);
            } else {
                // e.g. Karaf's public-key module: it gives up and the password module decides
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
