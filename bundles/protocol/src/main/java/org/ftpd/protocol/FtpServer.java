package org.ftpd.protocol;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ftpd.api.AccountListener;
import org.ftpd.api.Authorizer;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.FtpServerControl;
import org.ftpd.api.SiteCommand;
import org.ftpd.api.TlsContextProvider;
import org.ftpd.protocol.internal.BlockingWork;
import org.ftpd.protocol.internal.ControlChannelInitializer;
import org.ftpd.protocol.internal.EventDispatcher;
import org.ftpd.protocol.internal.RemovedAccounts;
import org.ftpd.protocol.internal.ServerContext;
import org.ftpd.protocol.internal.ServerControl;
import org.ftpd.protocol.internal.Transport;
import org.ftpd.protocol.internal.command.CommandRegistry;
import org.ftpd.protocol.internal.data.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An FTP server. Plain Java, no OSGi needed:
 *
 * <pre>{@code
 * FtpServer server = FtpServer.builder()
 *         .settings(ServerSettings.builder().port(2121).build())
 *         .authorizer(myAuthorizer)
 *         .fileSystemFactory("file", myFactory)
 *         .build();
 * server.start();
 * }</pre>
 *
 * Services may be given as suppliers so that a container can swap them while the server runs; they are read
 * at every use. Thread-safe.
 */
public final class FtpServer {

    private static final Logger LOG = LoggerFactory.getLogger(FtpServer.class);

    private final Supplier<? extends List<? extends Authorizer>> authorizers;
    private final Function<String, ? extends FileSystemFactory> fileSystems;
    private final Supplier<? extends TlsContextProvider> tls;
    private final Supplier<? extends List<? extends FtpEventListener>> listeners;
    private final Supplier<? extends Map<String, ? extends SiteCommand>> siteCommands;
    private final boolean preferNativeTransport;
    private final int blockingThreads;
    private final int eventLoopThreads;

    private ServerSettings settings;
    private Running running;
    private final ServerControl control = new ServerControl(this::operatorView);
    private final RemovedAccounts removedAccounts = new RemovedAccounts(this::runningContext);

    /** What exists while the server runs; {@code implicitListener} is the implicit FTPS port's, or null. */
    private record Running(EventLoopGroup acceptors, EventLoopGroup workers, BlockingWork blocking,
            EventDispatcher events, ServerContext context, Channel listener, Channel implicitListener) {
        Running withListener(Channel channel) {
            return new Running(acceptors, workers, blocking, events, context, channel, implicitListener);
        }

        Running withImplicitListener(Channel channel) {
            return new Running(acceptors, workers, blocking, events, context, listener, channel);
        }
    }

    private FtpServer(Builder b) {
        settings = b.settings;
        authorizers = b.authorizers;
        fileSystems = b.fileSystems;
        tls = b.tls;
        listeners = b.listeners;
        siteCommands = b.siteCommands;
        preferNativeTransport = b.nativeTransport;
        blockingThreads = b.blockingThreads;
        eventLoopThreads = b.eventLoopThreads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many network threads to run: the configured number, else {@code io.netty.eventLoopThreads}, else one
     * per processor. Not Netty's twice the processors: blocking work has threads of its own, so a network thread
     * never waits, and on 2 cores four of them cost more in wake-ups and switches than they gained (logins,
     * small transfers: 20 to 40% less CPU per operation, measured in docs/BENCHMARKS.md).
     */
    static int eventLoops(int configured, int processors) {
        if (configured > 0) {
            return configured;
        }
        int property = Integer.getInteger("io.netty.eventLoopThreads", 0);
        return property > 0 ? property : Math.max(1, processors);
    }

    /**
     * Starts listening.
     *
     * @throws IOException when the address cannot be bound (the server then stays stopped)
     * @throws IllegalStateException when already running
     */
    public synchronized void start() throws IOException {
        if (running != null) {
            throw new IllegalStateException("already running");
        }
        Transport transport = Transport.best(preferNativeTransport);
        EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ftpd-accept"),
                transport.ioHandlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(eventLoops(eventLoopThreads,
                Runtime.getRuntime().availableProcessors()), new DefaultThreadFactory("ftpd-io"),
                transport.ioHandlerFactory());
        BlockingWork blocking = new BlockingWork(blockingThreads);
        EventDispatcher events = new EventDispatcher(listeners);
        ServerContext context = new ServerContext(settings, authorizers, fileSystems, tls, events, blocking, transport,
                CommandRegistry.standard(), new DefaultChannelGroup("ftpd-control", GlobalEventExecutor.INSTANCE),
                siteCommands);
        Running r = new Running(acceptors, workers, blocking, events, context, null, null);
        try {
            r = r.withListener(bind(r, settings));
            if (settings.tlsImplicitPort() != 0) {
                r = r.withImplicitListener(bindImplicit(r, settings));
            }
        } catch (IOException | RuntimeException e) {
            if (r.listener() != null) {
                r.listener().close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
            shutdown(r);
            throw e;
        }
        running = r;
        LOG.info("FTP server listening on {} ({} transport)", describe(running.listener()), transport.name());
        logImplicit(r.implicitListener(), null);
    }

    private void logImplicit(Channel listener, Channel previous) {
        if (listener == null) {
            if (previous != null) {
                LOG.info("Implicit FTPS on {} closed", describe(previous));
            }
            return;
        }
        LOG.info("Implicit FTPS listening on {}{}{}", describe(listener),
                previous == null ? "" : " (moved from " + describe(previous) + ")",
                tls.get() == null ? "; no TLS provider yet: connections are refused until one is available" : "");
    }

    /** Stops listening, closes every session and releases the threads. Does nothing when not running. */
    public synchronized void stop() {
        Running r = running;
        if (r == null) {
            return;
        }
        running = null;
        String where = describe(r.listener());
        r.listener().close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (r.implicitListener() != null) {
            r.implicitListener().close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        r.context().controlChannels().close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutdown(r);
        LOG.info("FTP server on {} stopped", where);
    }

    /**
     * Applies new settings while running. A new host or port binds the new listener first and then closes the
     * old one; so does a new implicit FTPS port (0 closes it); sessions in progress continue. Limits, banner,
     * timeouts and TLS requirements apply to new work at once.
     *
     * @throws IOException when the new address cannot be bound; the server keeps its previous settings and
     *         listener
     */
    public synchronized void reconfigure(ServerSettings newSettings) throws IOException {
        Objects.requireNonNull(newSettings, "newSettings");
        Running r = running;
        if (r == null) {
            settings = newSettings;
            return;
        }
        boolean controlMoves = newSettings.listensElsewhereThan(settings);
        boolean implicitMoves = newSettings.tlsListensElsewhereThan(settings);
        // bind everything new first: when one cannot be bound nothing changes
        Channel fresh = controlMoves ? bind(r, newSettings) : null;
        Channel freshImplicit = null;
        if (implicitMoves && newSettings.tlsImplicitPort() != 0) {
            try {
                freshImplicit = bindImplicit(r, newSettings);
            } catch (IOException | RuntimeException e) {
                if (fresh != null) {
                    fresh.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
                }
                throw e;
            }
        }
        if (controlMoves) {
            Channel old = r.listener();
            r = r.withListener(fresh);
            running = r;
            old.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            LOG.info("FTP server listening on {} (moved from {})", describe(fresh), describe(old));
        }
        if (implicitMoves) {
            Channel old = r.implicitListener();
            running = r.withImplicitListener(freshImplicit);
            if (old != null) {
                old.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
            logImplicit(freshImplicit, old);
        }
        settings = newSettings;
        r.context().settings(newSettings);
    }

    /** The settings in force. */
    public synchronized ServerSettings settings() {
        return settings;
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** The bound control port (useful with port 0), or -1 when stopped. */
    public synchronized int localPort() {
        return running == null ? -1 : ((InetSocketAddress) running.listener().localAddress()).getPort();
    }

    /** The bound implicit FTPS port (useful with a port chosen by the system), or -1 when there is none. */
    public synchronized int implicitTlsPort() {
        return running == null || running.implicitListener() == null ? -1
                : ((InetSocketAddress) running.implicitListener().localAddress()).getPort();
    }

    /** The bound control address, or null when stopped. */
    public synchronized InetSocketAddress localAddress() {
        return running == null ? null : (InetSocketAddress) running.listener().localAddress();
    }

    /** The I/O transport in use ({@code epoll} or {@code nio}), or null when stopped. */
    public synchronized String transportName() {
        return running == null ? null : running.context().transport().name();
    }

    /**
     * What operators see and do: listening addresses, counters (since the last start), live sessions, closing
     * sessions. Usable at any time; while the server is stopped it shows no sessions and zero counters.
     */
    public FtpServerControl control() {
        return control;
    }

    /**
     * The listener to hand to authorizers (in OSGi it is a service): told that an account is gone, the server
     * closes that user's sessions when {@link ServerSettings#closeRemovedUserSessions()} says so.
     */
    public AccountListener accountListener() {
        return removedAccounts;
    }

    private synchronized ServerControl.View operatorView() {
        Running r = running;
        if (r == null) {
            return null;
        }
        List<InetSocketAddress> addresses = new ArrayList<>(2);
        addresses.add((InetSocketAddress) r.listener().localAddress());
        if (r.implicitListener() != null) {
            addresses.add((InetSocketAddress) r.implicitListener().localAddress());
        }
        return new ServerControl.View(r.context(), addresses);
    }

    private synchronized ServerContext runningContext() {
        return running == null ? null : running.context();
    }

    private Channel bind(Running r, ServerSettings s) throws IOException {
        ServerBootstrap bootstrap = controlBootstrap(r, false);
        r.context().transport().keepUrgentDataInline(bootstrap);
        return bind(bootstrap, s.host(), s.port());
    }

    /** The implicit FTPS listener: no urgent data inline there, a stray byte would break the TLS records. */
    private Channel bindImplicit(Running r, ServerSettings s) throws IOException {
        return bind(controlBootstrap(r, true), s.host(), s.tlsImplicitPort());
    }

    private static ServerBootstrap controlBootstrap(Running r, boolean implicitTls) {
        return new ServerBootstrap()
                .group(r.acceptors(), r.workers())
                .channel(r.context().transport().serverChannel())
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ControlChannelInitializer(r.context(), implicitTls));
    }

    private static Channel bind(ServerBootstrap bootstrap, String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("cannot listen on " + host + ":" + port + ": unknown host");
        }
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot listen on " + Addresses.format(address) + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        return bound.channel();
    }

    private static String describe(Channel listener) {
        return Addresses.format((InetSocketAddress) listener.localAddress());
    }

    private static void shutdown(Running r) {
        r.acceptors().shutdownGracefully(0, 2, TimeUnit.SECONDS);
        r.workers().shutdownGracefully(0, 2, TimeUnit.SECONDS);
        r.acceptors().terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        r.workers().terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        r.blocking().shutdown();
        r.events().shutdown();
    }

    /** Builds an {@link FtpServer}. */
    public static final class Builder {
        private ServerSettings settings = ServerSettings.defaults();
        private final List<Authorizer> fixedAuthorizers = new ArrayList<>();
        private Supplier<? extends List<? extends Authorizer>> authorizers = () -> fixedAuthorizers;
        private final Map<String, FileSystemFactory> fixedFileSystems = new HashMap<>();
        private Function<String, ? extends FileSystemFactory> fileSystems = fixedFileSystems::get;
        private Supplier<? extends TlsContextProvider> tls = () -> null;
        private final List<FtpEventListener> fixedListeners = new ArrayList<>();
        private Supplier<? extends List<? extends FtpEventListener>> listeners = () -> fixedListeners;
        private final Map<String, SiteCommand> fixedSiteCommands = new HashMap<>();
        private Supplier<? extends Map<String, ? extends SiteCommand>> siteCommands = () -> fixedSiteCommands;
        private boolean nativeTransport = true;
        private int blockingThreads = 16;
        private int eventLoopThreads;

        private Builder() {
        }

        public Builder settings(ServerSettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** Adds an authorizer, asked after those added before it. */
        public Builder authorizer(Authorizer value) {
            fixedAuthorizers.add(Objects.requireNonNull(value, "authorizer"));
            return this;
        }

        /** The authorizers to ask, in order, read at every login (replaces those added one by one). */
        public Builder authorizers(Supplier<? extends List<? extends Authorizer>> value) {
            authorizers = Objects.requireNonNull(value, "authorizers");
            return this;
        }

        /** The factory for homes whose URI has {@code scheme}. */
        public Builder fileSystemFactory(String scheme, FileSystemFactory value) {
            fixedFileSystems.put(Objects.requireNonNull(scheme, "scheme"), Objects.requireNonNull(value, "factory"));
            return this;
        }

        /** The factory for a scheme (or null), looked up at every login (replaces those added one by one). */
        public Builder fileSystemFactories(Function<String, ? extends FileSystemFactory> value) {
            fileSystems = Objects.requireNonNull(value, "fileSystemFactories");
            return this;
        }

        public Builder tlsContextProvider(TlsContextProvider value) {
            tls = () -> value;
            return this;
        }

        /** The TLS provider, read at every use; it may supply null. */
        public Builder tlsContextProvider(Supplier<? extends TlsContextProvider> value) {
            tls = Objects.requireNonNull(value, "tlsContextProvider");
            return this;
        }

        public Builder eventListener(FtpEventListener value) {
            fixedListeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** The listeners, read at every event (replaces those added one by one). */
        public Builder eventListeners(Supplier<? extends List<? extends FtpEventListener>> value) {
            listeners = Objects.requireNonNull(value, "eventListeners");
            return this;
        }

        /**
         * Adds {@code SITE <name>} (case-insensitive). The built-in SITE CHMOD and SITE HELP can't be replaced.
         */
        public Builder siteCommand(String name, SiteCommand value) {
            fixedSiteCommands.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "siteCommand"));
            return this;
        }

        /**
         * The SITE extensions by name, read at every SITE command (replaces those added one by one); this is where
         * a container plugs its whiteboard of {@link SiteCommand} services in.
         */
        public Builder siteCommands(Supplier<? extends Map<String, ? extends SiteCommand>> value) {
            siteCommands = Objects.requireNonNull(value, "siteCommands");
            return this;
        }

        /** Whether to use native epoll when it is available (default true); NIO otherwise. */
        public Builder nativeTransport(boolean value) {
            nativeTransport = value;
            return this;
        }

        /** Threads for blocking work (authentication, filesystem calls, file I/O); default 16. */
        public Builder blockingThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("blockingThreads must be at least 1");
            }
            blockingThreads = value;
            return this;
        }

        /**
         * Network threads; 0 (default) means the system property {@code io.netty.eventLoopThreads} when set, else
         * one per processor.
         */
        public Builder eventLoopThreads(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("eventLoopThreads must not be negative");
            }
            eventLoopThreads = value;
            return this;
        }

        public FtpServer build() {
            return new FtpServer(this);
        }
    }
}
