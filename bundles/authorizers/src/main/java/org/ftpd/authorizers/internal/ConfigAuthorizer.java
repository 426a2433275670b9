package org.ftpd.authorizers.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Authorizer;
import org.ftpd.api.Credentials;
import org.ftpd.api.UnknownUserException;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of the {@code org.ftpd.user} configurations ({@code ftpd.authorizer=config}). Each configuration's
 * component puts and removes its user here, so adding, changing or deleting a file takes effect at once.
 */
@Component(service = {Authorizer.class, UserDirectory.class}, immediate = true,
        property = Authorizer.NAME_PROPERTY + "=" + ConfigAuthorizer.NAME)
public final class ConfigAuthorizer implements Authorizer, UserDirectory {

    static final String NAME = "config";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigAuthorizer.class);

    /** A served user and its cache of verified passwords (a new entry on every change, so the cache resets). */
    private record Entry(UserSettings settings, VerifiedPasswords verified) {
    }

    private final Map<String, Entry> byPid = new ConcurrentHashMap<>();
    private volatile Map<String, Entry> byName = Map.of();
    private final Consumer<String> decoyCheck;

    public ConfigAuthorizer() {
        this(DecoyPassword::spendHashCost);
    }

    /** @param decoyCheck spends the cost of a password check for names that have no password to check */
    ConfigAuthorizer(Consumer<String> decoyCheck) {
        this.decoyCheck = decoyCheck;
    }

    @Override
    public synchronized void put(UserSettings user) {
        byPid.put(user.pid(), new Entry(user, new VerifiedPasswords(user.name())));
        reindex();
    }

    @Override
    public synchronized boolean remove(String pid) {
        if (byPid.remove(pid) == null) {
            return false;
        }
        reindex();
        return true;
    }

    /** When two configurations name the same user, the one with the smaller PID serves, and that is logged. */
    private void reindex() {
        Map<String, Entry> index = new HashMap<>();
        byPid.values().stream().sorted(Comparator.comparing(e -> e.settings().pid())).forEach(e -> {
            Entry first = index.putIfAbsent(e.settings().name(), e);
            if (first != null) {
                LOG.error("User {} is configured twice ({} and {}); {} is ignored", e.settings().name(),
                        first.settings().pid(), e.settings().pid(), e.settings().pid());
            }
        });
        byName = Map.copyOf(index);
    }

    @Override
    public Account authenticate(Credentials credentials) throws AuthenticationException {
        Entry entry = byName.get(credentials.userName());
        if (entry == null) {
            // as slow as a wrong password, so that timing does not tell which names exist
            decoyCheck.accept(credentials.password());
            throw new UnknownUserException(credentials.userName());
        }
        UserSettings user = entry.settings();
        if (!user.enabled()) {
            decoyCheck.accept(credentials.password());
            throw new AuthenticationException("user " + user.name() + " is disabled");
        }
        if (user.isAnonymous()) {
            return user.account();
        }
        String password = credentials.password();
        if (entry.verified().contains(password)) {
            return user.account();
        }
        if (!user.password().matches(password)) {
            throw new AuthenticationException("wrong password for user " + user.name());
        }
        entry.verified().add(password);
        return user.account();
    }

    /** The names served now (for tests and diagnostics). */
    java.util.Set<String> userNames() {
        return byName.keySet();
    }
}
