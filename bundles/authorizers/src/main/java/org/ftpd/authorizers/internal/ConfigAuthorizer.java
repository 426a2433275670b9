package org.ftpd.authorizers.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.ftpd.api.Account;
import org.ftpd.api.AccountListener;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Authorizer;
import org.ftpd.api.Credentials;
import org.ftpd.api.UnknownUserException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of the {@code org.ftpd.user} configurations ({@code ftpd.authorizer=config}). Each configuration's
 * component puts and removes its user here, so adding, changing or deleting a file takes effect at once. When a
 * user can no longer log in because its configuration was deleted, disabled or renamed, the
 * {@link AccountListener} services hear of it (the server decides whether open sessions end).
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<AccountListener> accountListeners = List.of();

    public ConfigAuthorizer() {
        this(DecoyPassword::spendHashCost);
    }

    /** @param decoyCheck spends the cost of a password check for names that have no password to check */
    ConfigAuthorizer(Consumer<String> decoyCheck) {
        this.decoyCheck = decoyCheck;
    }

    @Override
    public void put(UserSettings user) {
        Map<String, String> gone;
        synchronized (this) {
            Set<String> before = loginNames();
            byPid.put(user.pid(), new Entry(user, new VerifiedPasswords(user.name())));
            reindex();
            gone = goneSince(before, "disabled", "renamed");
        }
        announce(gone);
    }

    @Override
    public synchronized boolean remove(String pid) {
        if (byPid.remove(pid) == null) {
            return false;
        }
        reindex();
        return true;
    }

    @Override
    public boolean delete(String pid) {
        Map<String, String> gone;
        synchronized (this) {
            Set<String> before = loginNames();
            if (!remove(pid)) {
                return false;
            }
            gone = goneSince(before, "disabled", "deleted");
        }
        announce(gone);
        return true;
    }

    /** The names that may log in now (served and enabled). */
    private Set<String> loginNames() {
        return byName.values().stream().filter(e -> e.settings().enabled()).map(e -> e.settings().name())
                .collect(Collectors.toSet());
    }

    /** Names that could log in {@code before} and no longer can, each with why. */
    private Map<String, String> goneSince(Set<String> before, String ifStillThere, String otherwise) {
        Map<String, String> gone = new TreeMap<>();
        Set<String> now = loginNames();
        for (String name : before) {
            if (!now.contains(name)) {
                gone.put(name, "user " + (byName.containsKey(name) ? ifStillThere : otherwise));
            }
        }
        return gone;
    }

    /** Outside the lock: listeners may take their time, logins go on meanwhile. */
    private void announce(Map<String, String> gone) {
        if (gone.isEmpty()) {
            return;
        }
        List<AccountListener> listeners = accountListeners;
        gone.forEach((name, reason) -> {
            for (AccountListener listener : listeners) {
                try {
                    listener.accountRemoved(this, name, reason);
                } catch (RuntimeException e) {
                    LOG.warn("Account listener {} failed on the removal of user {}", listener, name, e);
                }
            }
        });
    }

    /** For tests: what DS injects. */
    void accountListeners(List<AccountListener> listeners) {
        accountListeners = List.copyOf(listeners);
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
