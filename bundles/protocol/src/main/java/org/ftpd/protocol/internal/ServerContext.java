package org.ftpd.protocol.internal;

import io.netty.channel.group.ChannelGroup;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ftpd.api.Authorizer;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.SiteCommand;
import org.ftpd.api.TlsContextProvider;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.command.CommandRegistry;

/** What every session of one server shares: settings, services, executors, limits, commands. */
public final class ServerContext {

    private volatile ServerSettings settings;
    private final Supplier<? extends List<? extends Authorizer>> authorizers;
    private final Function<String, ? extends FileSystemFactory> fileSystems;
    private final Supplier<? extends TlsContextProvider> tls;
    private final EventDispatcher events;
    private final BlockingWork blocking;
    private final Transport transport;
    private final CommandRegistry commands;
    private final ChannelGroup controlChannels;
    private final Supplier<? extends Map<String, ? extends SiteCommand>> siteCommands;
    private final ConnectionLimiter limiter = new ConnectionLimiter();
    private final LoginBans bans = new LoginBans();
    private final ServerStatistics statistics = new ServerStatistics();
    private final SessionRegistry sessions = new SessionRegistry();
    private final java.time.Instant startedAt = java.time.Instant.now();
    private final org.ftpd.protocol.internal.throttle.ServerThrottle throttle =
            new org.ftpd.protocol.internal.throttle.ServerThrottle(this::settings);
    private final ConcurrentHashMap<String, AtomicInteger> userSessions = new ConcurrentHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong();

    public ServerContext(ServerSettings settings, Supplier<? extends List<? extends Authorizer>> authorizers,
            Function<String, ? extends FileSystemFactory> fileSystems, Supplier<? extends TlsContextProvider> tls,
            EventDispatcher events, BlockingWork blocking, Transport transport, CommandRegistry commands,
            ChannelGroup controlChannels, Supplier<? extends Map<String, ? extends SiteCommand>> siteCommands) {
        this.settings = settings;
        this.authorizers = authorizers;
        this.fileSystems = fileSystems;
        this.tls = tls;
        this.events = events;
        this.blocking = blocking;
        this.transport = transport;
        this.commands = commands;
        this.controlChannels = controlChannels;
        this.siteCommands = siteCommands;
    }

    public ServerSettings settings() {
        return settings;
    }

    public void settings(ServerSettings value) {
        settings = value;
    }

    /** The authorizers to ask, in order; may be empty (then nobody can log in). */
    public List<? extends Authorizer> authorizers() {
        List<? extends Authorizer> list = authorizers.get();
        return list == null ? List.of() : list;
    }

    /** The factory for a home URI's scheme, or null. */
    public FileSystemFactory fileSystemFactory(String scheme) {
        return fileSystems.apply(scheme == null ? "file" : scheme);
    }

    /** The TLS provider, or null. */
    public TlsContextProvider tls() {
        return tls.get();
    }

    public EventDispatcher events() {
        return events;
    }

    public BlockingWork blocking() {
        return blocking;
    }

    public Transport transport() {
        return transport;
    }

    public CommandRegistry commands() {
        return commands;
    }

    /** The SITE extensions by upper-case name (read at every use: they may come and go). */
    public Map<String, SiteCommand> siteCommands() {
        Map<String, ? extends SiteCommand> given = siteCommands.get();
        Map<String, SiteCommand> byName = new TreeMap<>();
        if (given != null) {
            given.forEach((name, command) -> {
                if (name != null && command != null) {
                    byName.putIfAbsent(name.trim().toUpperCase(Locale.ROOT), command);
                }
            });
        }
        return byName;
    }

    /** The SITE extension named {@code upperCaseName}, or null. */
    public SiteCommand siteCommand(String upperCaseName) {
        return siteCommands().get(upperCaseName);
    }

    public ChannelGroup controlChannels() {
        return controlChannels;
    }

    public ConnectionLimiter limiter() {
        return limiter;
    }

    /** Addresses banned after too many failed logins. */
    public LoginBans bans() {
        return bans;
    }

    /** The server-wide data rate budgets. */
    public org.ftpd.protocol.internal.throttle.ServerThrottle throttle() {
        return throttle;
    }

    /** The counters since this server started listening. */
    public ServerStatistics statistics() {
        return statistics;
    }

    /** The open control connections. */
    public SessionRegistry sessions() {
        return sessions;
    }

    /** When the server started listening (a context lives from start to stop). */
    public java.time.Instant startedAt() {
        return startedAt;
    }

    public String nextSessionId() {
        return Long.toString(sessionIds.incrementAndGet());
    }

    /** Takes a session slot for {@code user}; false when {@code max} (if above 0) is reached. */
    public boolean acquireUserSession(String user, int max) {
        AtomicInteger count = userSessions.computeIfAbsent(user, u -> new AtomicInteger());
        if (count.incrementAndGet() > max && max > 0) {
            releaseUserSession(user);
            return false;
        }
        return true;
    }

    public void releaseUserSession(String user) {
        userSessions.computeIfPresent(user, (u, c) -> c.decrementAndGet() <= 0 ? null : c);
    }
}
