package org.ftpd.protocol;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The server's settings (configuration PID {@code org.ftpd}). Immutable; build with {@link #builder()} or parse
 * configuration properties with {@link #parse(Map, ServerSettings)}.
 */
public final class ServerSettings {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String PASSIVE_PORTS = "passive.ports";
    public static final String MASQUERADE_ADDRESS = "masquerade.address";
    public static final String BANNER = "banner";
    public static final String MAX_CONNECTIONS = "max.connections";
    public static final String MAX_CONNECTIONS_PER_IP = "max.connections.per.ip";
    public static final String IDLE_TIMEOUT = "idle.timeout";
    public static final String DATA_TIMEOUT = "data.timeout";
    public static final String PASSIVE_ACCEPT_TIMEOUT = "passive.accept.timeout";
    public static final String MAX_LOGIN_ATTEMPTS = "max.login.attempts";
    public static final String LOGIN_FAILED_DELAY = "login.failed.delay";
    public static final String BAN_MAX_FAILURES = "ban.max.failures";
    public static final String BAN_WINDOW = "ban.window";
    public static final String BAN_DURATION = "ban.duration";
    public static final String PERMIT_FOREIGN_ADDRESSES = "permit.foreign.addresses";
    public static final String PERMIT_PRIVILEGED_PORTS = "permit.privileged.ports";
    public static final String MAX_LINE_LENGTH = "max.line.length";
    public static final String TLS_IMPLICIT_PORT = "tls.implicit.port";
    public static final String TLS_CONTROL_REQUIRED = "tls.control.required";
    public static final String TLS_DATA_REQUIRED = "tls.data.required";
    public static final String TLS_SESSION_REUSE_REQUIRED = "tls.session.reuse.required";
    public static final String TLS_ANONYMOUS_EXEMPT = "tls.anonymous.exempt";
    public static final String TLS_HANDSHAKE_TIMEOUT = "tls.handshake.timeout";
    public static final String READ_LIMIT = "read.limit";
    public static final String WRITE_LIMIT = "write.limit";
    public static final String SERVER_READ_LIMIT = "server.read.limit";
    public static final String SERVER_WRITE_LIMIT = "server.write.limit";
    public static final String LOGIN_TIMEOUT = "login.timeout";
    public static final String MAX_COMMANDS_PER_SECOND = "max.commands.per.second";
    public static final String MASQUERADE_ADDRESS_MAP = "masquerade.address.map";
    /** The name issue 5 gives {@link #LOGIN_FAILED_DELAY}; accepted too, and it wins when both are set. */
    public static final String AUTH_FAILED_DELAY = "auth.failed.delay";
    public static final String REMOVED_USER_SESSIONS = "removed.user.sessions";

    private static final ServerSettings DEFAULTS = new Builder().build();
    private static final Map<String, Key> KEYS = keys();
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final String host;
    private final int port;
    private final PortRange passivePorts;
    private final String masqueradeAddress;
    private final String banner;
    private final int maxConnections;
    private final int maxConnectionsPerIp;
    private final Duration idleTimeout;
    private final Duration dataTimeout;
    private final Duration passiveAcceptTimeout;
    private final int maxLoginAttempts;
    private final Duration loginFailedDelay;
    private final int banMaxFailures;
    private final Duration banWindow;
    private final Duration banDuration;
    private final boolean permitForeignAddresses;
    private final boolean permitPrivilegedPorts;
    private final int maxLineLength;
    private final int tlsImplicitPort;
    private final boolean tlsControlRequired;
    private final boolean tlsDataRequired;
    private final Boolean tlsSessionReuseRequired;
    private final boolean tlsAnonymousExempt;
    private final Duration tlsHandshakeTimeout;
    private final long readLimit;
    private final long writeLimit;
    private final long serverReadLimit;
    private final long serverWriteLimit;
    private final Duration loginTimeout;
    private final int maxCommandsPerSecond;
    private final Map<String, String> masqueradeAddressMap;
    private final boolean closeRemovedUserSessions;

    private ServerSettings(Builder b) {
        host = b.host;
        port = b.port;
        passivePorts = b.passivePorts;
        masqueradeAddress = b.masqueradeAddress;
        banner = b.banner;
        maxConnections = b.maxConnections;
        maxConnectionsPerIp = b.maxConnectionsPerIp;
        idleTimeout = b.idleTimeout;
        dataTimeout = b.dataTimeout;
        passiveAcceptTimeout = b.passiveAcceptTimeout;
        maxLoginAttempts = b.maxLoginAttempts;
        loginFailedDelay = b.loginFailedDelay;
        banMaxFailures = b.banMaxFailures;
        banWindow = b.banWindow;
        banDuration = b.banDuration;
        permitForeignAddresses = b.permitForeignAddresses;
        permitPrivilegedPorts = b.permitPrivilegedPorts;
        maxLineLength = b.maxLineLength;
        tlsImplicitPort = b.tlsImplicitPort;
        tlsControlRequired = b.tlsControlRequired;
        tlsDataRequired = b.tlsDataRequired;
        tlsSessionReuseRequired = b.tlsSessionReuseRequired;
        tlsAnonymousExempt = b.tlsAnonymousExempt;
        tlsHandshakeTimeout = b.tlsHandshakeTimeout;
        readLimit = b.readLimit;
        writeLimit = b.writeLimit;
        serverReadLimit = b.serverReadLimit;
        serverWriteLimit = b.serverWriteLimit;
        loginTimeout = b.loginTimeout;
        maxCommandsPerSecond = b.maxCommandsPerSecond;
        masqueradeAddressMap = b.masqueradeAddressMap;
        closeRemovedUserSessions = b.closeRemovedUserSessions;
    }

    /** The settings used when nothing is configured. */
    public static ServerSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The address to listen on, {@code 0.0.0.0} for every IPv4 interface, {@code ::} for every interface. */
    public String host() {
        return host;
    }

    /** The control port; 0 picks a free port (see {@link FtpServer#localPort()}). */
    public int port() {
        return port;
    }

    /** The ports PASV/EPSV may listen on, or {@code null} for any free port. */
    public PortRange passivePorts() {
        return passivePorts;
    }

    /** The IPv4 address announced in PASV replies instead of the local one (behind NAT), or {@code null}. */
    public String masqueradeAddress() {
        return masqueradeAddress;
    }

    /** The text of the 220 greeting. */
    public String banner() {
        return banner;
    }

    /** The most control connections at once; 0 means no limit. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The most control connections from one IP address; 0 means no limit. */
    public int maxConnectionsPerIp() {
        return maxConnectionsPerIp;
    }

    /** How long a control connection may stay silent outside transfers; zero disables the limit. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** How long a data connection may stall during a transfer; zero disables the limit. */
    public Duration dataTimeout() {
        return dataTimeout;
    }

    /** How long a PASV/EPSV listener waits for the client's data connection. */
    public Duration passiveAcceptTimeout() {
        return passiveAcceptTimeout;
    }

    /** Failed logins after which the connection is closed. */
    public int maxLoginAttempts() {
        return maxLoginAttempts;
    }

    /** How long a failed PASS waits before its 530 reply (slows password guessing). */
    public Duration loginFailedDelay() {
        return loginFailedDelay;
    }

    /** Failed logins from one address within {@link #banWindow()} that ban it; 0 turns bans off. */
    public int banMaxFailures() {
        return banMaxFailures;
    }

    /** The window in which {@link #banMaxFailures()} failures ban an address. */
    public Duration banWindow() {
        return banWindow;
    }

    /** How long a banned address is refused (421 at connect). */
    public Duration banDuration() {
        return banDuration;
    }

    /** Whether PORT/EPRT may name, and passive connections may come from, another host than the client. */
    public boolean permitForeignAddresses() {
        return permitForeignAddresses;
    }

    /** Whether PORT/EPRT may name a port below 1024. */
    public boolean permitPrivilegedPorts() {
        return permitPrivilegedPorts;
    }

    /** The longest command line accepted, in bytes. */
    public int maxLineLength() {
        return maxLineLength;
    }

    /** The implicit FTPS port (TLS from the first byte), 0 when there is none. */
    public int tlsImplicitPort() {
        return tlsImplicitPort;
    }

    /** Whether USER and PASS are refused until the control connection is protected (AUTH TLS or implicit). */
    public boolean tlsControlRequired() {
        return tlsControlRequired;
    }

    /** Whether transfers are refused (521) unless data connections are protected (PROT P). */
    public boolean tlsDataRequired() {
        return tlsDataRequired;
    }

    /**
     * Whether a protected data connection must resume the control connection's TLS session (else 522): as
     * configured, or, when left to {@code auto}, whenever TLS is required on the control or data connection.
     */
    public boolean tlsSessionReuseRequired() {
        return tlsSessionReuseRequired != null ? tlsSessionReuseRequired : tlsControlRequired || tlsDataRequired;
    }

    /** {@code tls.session.reuse.required} as configured: true, false, or null for {@code auto}. */
    public Boolean tlsSessionReuseSetting() {
        return tlsSessionReuseRequired;
    }

    /** Whether user {@code anonymous} is exempt from the TLS requirements. */
    public boolean tlsAnonymousExempt() {
        return tlsAnonymousExempt;
    }

    /** How long a TLS handshake (control or data) may take before the connection is closed. */
    public Duration tlsHandshakeTimeout() {
        return tlsHandshakeTimeout;
    }

    /**
     * Whether the sessions of a user whose account an authorizer withdraws (deleted or disabled) are closed
     * ({@code removed.user.sessions = close}) or left to end by themselves ({@code keep}, the default).
     */
    public boolean closeRemovedUserSessions() {
        return closeRemovedUserSessions;
    }

    /** Bytes per second one session's data connections may receive (uploads); 0 means no limit. */
    public long readLimit() {
        return readLimit;
    }

    /** Bytes per second one session's data connections may send (downloads, listings); 0 means no limit. */
    public long writeLimit() {
        return writeLimit;
    }

    /** Bytes per second all data connections together may receive; 0 means no limit. */
    public long serverReadLimit() {
        return serverReadLimit;
    }

    /** Bytes per second all data connections together may send; 0 means no limit. */
    public long serverWriteLimit() {
        return serverWriteLimit;
    }

    /** How long a connection may stay without a successful login before 421 and close; zero disables it. */
    public Duration loginTimeout() {
        return loginTimeout;
    }

    /** Commands per second one control connection may send before its reading pauses; 0 means no limit. */
    public int maxCommandsPerSecond() {
        return maxCommandsPerSecond;
    }

    /**
     * PASV announcement by local address (pyftpdlib's masquerade_address_map): the control connection's local
     * address (as {@link java.net.InetAddress#getHostAddress()} writes it) to the IPv4 address to announce.
     * Looked up before {@link #masqueradeAddress()}. Never null.
     */
    public Map<String, String> masqueradeAddressMap() {
        return masqueradeAddressMap;
    }

    /** Whether the implicit FTPS listener (host or port) differs from {@code other}'s. */
    public boolean tlsListensElsewhereThan(ServerSettings other) {
        return tlsImplicitPort != other.tlsImplicitPort || tlsImplicitPort != 0 && !host.equals(other.host);
    }

    /** Whether the listening address (host or port) differs from {@code other}'s. */
    public boolean listensElsewhereThan(ServerSettings other) {
        return port != other.port || !host.equals(other.host);
    }

    /** The configuration keys this class reads, in a stable order. */
    public static List<String> keyNames() {
        return List.copyOf(KEYS.keySet());
    }

    /**
     * Reads configuration properties (e.g. from ConfigAdmin). A missing key takes its default; a key whose value
     * cannot be used keeps its value from {@code previous} and is reported. Keys this class does not know are
     * ignored.
     *
     * @param properties the raw properties; values may be strings, numbers or booleans
     * @param previous the settings in force so far (the defaults at first start)
     */
    public static Parsed parse(Map<String, ?> properties, ServerSettings previous) {
        Objects.requireNonNull(previous, "previous");
        Builder builder = new Builder();
        List<SettingsProblem> problems = new ArrayList<>();
        for (Key key : KEYS.values()) {
            Object raw = properties.get(key.name);
            if (raw == null) {
                continue;
            }
            try {
                key.apply.accept(builder, single(raw));
            } catch (IllegalArgumentException e) {
                key.keep.accept(builder, previous);
                problems.add(new SettingsProblem(key.name, describe(raw), e.getMessage(), key.show.apply(previous)));
            }
        }
        return new Parsed(builder.build(), problems);
    }

    /** The outcome of {@link #parse}: the settings to use and what was wrong. */
    public record Parsed(ServerSettings settings, List<SettingsProblem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    private static String single(Object raw) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean || raw instanceof Character) {
            return raw.toString().trim();
        }
        if (raw instanceof Collection<?> c && c.size() == 1) {
            return single(c.iterator().next());
        }
        if (raw instanceof Object[] a && a.length == 1) {
            return single(a[0]);
        }
        throw new IllegalArgumentException("expected a single value");
    }

    private static String describe(Object raw) {
        if (raw instanceof Object[] a) {
            return java.util.Arrays.toString(a);
        }
        return String.valueOf(raw);
    }

    private static int integer(String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return value;
    }

    private static Duration seconds(String text, int min, int max) {
        return Duration.ofSeconds(integer(text, min, max));
    }

    private static Duration fractionalSeconds(String text, double max) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number of seconds");
        }
        if (value.signum() < 0 || value.doubleValue() > max) {
            throw new IllegalArgumentException("must be between 0 and " + max + " seconds");
        }
        return Duration.ofMillis(value.movePointRight(3).longValue());
    }

    private static boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false");
    }

    private static String hostName(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        if (text.indexOf(':') >= 0) {
            try {
                // an IPv6 literal; parsing a literal never touches the network
                if (!(java.net.InetAddress.getByName(text) instanceof java.net.Inet6Address)) {
                    throw new IllegalArgumentException("not an IPv6 address");
                }
                return text;
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address");
            }
        }
        if (!HOST_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IP address or host name");
        }
        if (text.matches("[0-9.]+") && !IPV4.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IPv4 address");
        }
        return text;
    }

    private static String ipv4OrEmpty(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!IPV4.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IPv4 address (PASV replies carry IPv4 only)");
        }
        return text;
    }

    private static long byteRate(String text) {
        return org.ftpd.protocol.internal.throttle.ByteRates.parse(text);
    }

    /** {@code local=announced} pairs separated by commas (or spaces); the local side IPv4 or IPv6. */
    private static Map<String, String> addressMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : text.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("'" + entry + "' is not local=announced");
            }
            String local = entry.substring(0, eq);
            String announced = entry.substring(eq + 1);
            if (!IPV4.matcher(local).matches() && local.indexOf(':') < 0) {
                throw new IllegalArgumentException("'" + local + "' is not an IP address");
            }
            String key;
            try {
                // an IP literal, never a lookup; one spelling per address (::1 = 0:0:0:0:0:0:0:1)
                key = java.net.InetAddress.getByName(local).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("'" + local + "' is not an IP address");
            }
            if (!IPV4.matcher(announced).matches()) {
                throw new IllegalArgumentException("'" + announced + "' is not an IPv4 address (PASV replies carry "
                        + "IPv4 only)");
            }
            if (map.put(key, announced) != null) {
                throw new IllegalArgumentException("'" + local + "' is mapped twice");
            }
        }
        return map;
    }

    private static String showMap(Map<String, String> map) {
        StringBuilder text = new StringBuilder();
        map.forEach((local, announced) -> text.append(text.length() == 0 ? "" : ", ").append(local).append('=')
                .append(announced));
        return text.toString();
    }

    private static PortRange rangeOrEmpty(String text) {
        return text.isEmpty() ? null : PortRange.parse(text);
    }

    private static String bannerText(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("must be one line");
        }
        return text;
    }

    private record Key(String name, BiConsumer<Builder, String> apply, BiConsumer<Builder, ServerSettings> keep,
            Function<ServerSettings, Object> show) {
    }

    private static Map<String, Key> keys() {
        Map<String, Key> m = new LinkedHashMap<>();
        add(m, HOST, (b, v) -> b.host(hostName(v)), ServerSettings::host, Builder::host);
        add(m, PORT, (b, v) -> b.port(integer(v, 0, 65535)), ServerSettings::port, Builder::port);
        add(m, PASSIVE_PORTS, (b, v) -> b.passivePorts(rangeOrEmpty(v)), ServerSettings::passivePorts,
                Builder::passivePorts);
        add(m, MASQUERADE_ADDRESS, (b, v) -> b.masqueradeAddress(ipv4OrEmpty(v)), ServerSettings::masqueradeAddress,
                Builder::masqueradeAddress);
        add(m, BANNER, (b, v) -> b.banner(bannerText(v)), ServerSettings::banner, Builder::banner);
        add(m, MAX_CONNECTIONS, (b, v) -> b.maxConnections(integer(v, 0, 1_000_000)), ServerSettings::maxConnections,
                Builder::maxConnections);
        add(m, MAX_CONNECTIONS_PER_IP, (b, v) -> b.maxConnectionsPerIp(integer(v, 0, 1_000_000)),
                ServerSettings::maxConnectionsPerIp, Builder::maxConnectionsPerIp);
        addTime(m, IDLE_TIMEOUT, (b, v) -> b.idleTimeout(seconds(v, 0, 86_400)), ServerSettings::idleTimeout,
                Builder::idleTimeout);
        addTime(m, DATA_TIMEOUT, (b, v) -> b.dataTimeout(seconds(v, 0, 86_400)), ServerSettings::dataTimeout,
                Builder::dataTimeout);
        addTime(m, PASSIVE_ACCEPT_TIMEOUT, (b, v) -> b.passiveAcceptTimeout(seconds(v, 1, 3_600)),
                ServerSettings::passiveAcceptTimeout, Builder::passiveAcceptTimeout);
        add(m, MAX_LOGIN_ATTEMPTS, (b, v) -> b.maxLoginAttempts(integer(v, 1, 1_000)),
                ServerSettings::maxLoginAttempts, Builder::maxLoginAttempts);
        addTime(m, LOGIN_FAILED_DELAY, (b, v) -> b.loginFailedDelay(fractionalSeconds(v, 60)),
                ServerSettings::loginFailedDelay, Builder::loginFailedDelay);
        add(m, BAN_MAX_FAILURES, (b, v) -> b.banMaxFailures(integer(v, 0, 1_000)), ServerSettings::banMaxFailures,
                Builder::banMaxFailures);
        addTime(m, BAN_WINDOW, (b, v) -> b.banWindow(seconds(v, 1, 86_400)), ServerSettings::banWindow,
                Builder::banWindow);
        addTime(m, BAN_DURATION, (b, v) -> b.banDuration(seconds(v, 1, 604_800)), ServerSettings::banDuration,
                Builder::banDuration);
        add(m, PERMIT_FOREIGN_ADDRESSES, (b, v) -> b.permitForeignAddresses(bool(v)),
                ServerSettings::permitForeignAddresses, Builder::permitForeignAddresses);
        add(m, PERMIT_PRIVILEGED_PORTS, (b, v) -> b.permitPrivilegedPorts(bool(v)),
                ServerSettings::permitPrivilegedPorts, Builder::permitPrivilegedPorts);
        add(m, MAX_LINE_LENGTH, (b, v) -> b.maxLineLength(integer(v, 512, 65_536)), ServerSettings::maxLineLength,
                Builder::maxLineLength);
        add(m, TLS_IMPLICIT_PORT, (b, v) -> b.tlsImplicitPort(v.isEmpty() ? 0 : integer(v, 0, 65535)),
                ServerSettings::tlsImplicitPort, Builder::tlsImplicitPort);
        add(m, TLS_CONTROL_REQUIRED, (b, v) -> b.tlsControlRequired(bool(v)), ServerSettings::tlsControlRequired,
                Builder::tlsControlRequired);
        add(m, TLS_DATA_REQUIRED, (b, v) -> b.tlsDataRequired(bool(v)), ServerSettings::tlsDataRequired,
                Builder::tlsDataRequired);
        m.put(TLS_SESSION_REUSE_REQUIRED, new Key(TLS_SESSION_REUSE_REQUIRED,
                (b, v) -> b.tlsSessionReuseRequired(v.isEmpty() || v.equalsIgnoreCase("auto") ? null : boolOrAuto(v)),
                (b, s) -> b.tlsSessionReuseRequired(s.tlsSessionReuseSetting()),
                s -> s.tlsSessionReuseSetting() == null ? "auto" : s.tlsSessionReuseSetting()));
        add(m, TLS_ANONYMOUS_EXEMPT, (b, v) -> b.tlsAnonymousExempt(bool(v)), ServerSettings::tlsAnonymousExempt,
                Builder::tlsAnonymousExempt);
        addTime(m, TLS_HANDSHAKE_TIMEOUT, (b, v) -> b.tlsHandshakeTimeout(seconds(v, 1, 3_600)),
                ServerSettings::tlsHandshakeTimeout, Builder::tlsHandshakeTimeout);
        add(m, READ_LIMIT, (b, v) -> b.readLimit(byteRate(v)), ServerSettings::readLimit, Builder::readLimit);
        add(m, WRITE_LIMIT, (b, v) -> b.writeLimit(byteRate(v)), ServerSettings::writeLimit, Builder::writeLimit);
        add(m, SERVER_READ_LIMIT, (b, v) -> b.serverReadLimit(byteRate(v)), ServerSettings::serverReadLimit,
                Builder::serverReadLimit);
        add(m, SERVER_WRITE_LIMIT, (b, v) -> b.serverWriteLimit(byteRate(v)), ServerSettings::serverWriteLimit,
                Builder::serverWriteLimit);
        addTime(m, LOGIN_TIMEOUT, (b, v) -> b.loginTimeout(seconds(v, 0, 86_400)), ServerSettings::loginTimeout,
                Builder::loginTimeout);
        add(m, MAX_COMMANDS_PER_SECOND, (b, v) -> b.maxCommandsPerSecond(integer(v, 0, 1_000_000)),
                ServerSettings::maxCommandsPerSecond, Builder::maxCommandsPerSecond);
        m.put(MASQUERADE_ADDRESS_MAP, new Key(MASQUERADE_ADDRESS_MAP, (b, v) -> b.masqueradeAddressMap(addressMap(v)),
                (b, s) -> b.masqueradeAddressMap(s.masqueradeAddressMap()), s -> showMap(s.masqueradeAddressMap())));
        // after login.failed.delay, so the documented name wins when both are set; a bad value keeps the other's
        m.put(AUTH_FAILED_DELAY, new Key(AUTH_FAILED_DELAY, (b, v) -> b.loginFailedDelay(fractionalSeconds(v, 60)),
                (b, s) -> { }, s -> BigDecimal.valueOf(s.loginFailedDelay().toMillis(), 3).stripTrailingZeros()
                        .toPlainString()));
        m.put(REMOVED_USER_SESSIONS, new Key(REMOVED_USER_SESSIONS,
                (b, v) -> b.closeRemovedUserSessions(keepOrClose(v)),
                (b, s) -> b.closeRemovedUserSessions(s.closeRemovedUserSessions()),
                s -> s.closeRemovedUserSessions() ? "close" : "keep"));
        return m;
    }

    private static boolean keepOrClose(String text) {
        if (text.equalsIgnoreCase("keep")) {
            return false;
        }
        if (text.equalsIgnoreCase("close")) {
            return true;
        }
        throw new IllegalArgumentException("expected keep or close");
    }

    private static boolean boolOrAuto(String text) {
        try {
            return bool(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected true, false or auto");
        }
    }

    private static <T> void add(Map<String, Key> m, String name, BiConsumer<Builder, String> apply,
            Function<ServerSettings, T> getter, BiConsumer<Builder, T> setter) {
        m.put(name, new Key(name, apply, (b, s) -> setter.accept(b, getter.apply(s)), s -> getter.apply(s)));
    }

    /** A duration key, shown in seconds like it is configured. */
    private static void addTime(Map<String, Key> m, String name, BiConsumer<Builder, String> apply,
            Function<ServerSettings, Duration> getter, BiConsumer<Builder, Duration> setter) {
        m.put(name, new Key(name, apply, (b, s) -> setter.accept(b, getter.apply(s)),
                s -> BigDecimal.valueOf(getter.apply(s).toMillis(), 3).stripTrailingZeros().toPlainString()));
    }

    private List<Object> values() {
        return java.util.Arrays.asList(host, port, passivePorts, masqueradeAddress, banner, maxConnections,
                maxConnectionsPerIp, idleTimeout, dataTimeout, passiveAcceptTimeout, maxLoginAttempts,
                loginFailedDelay, banMaxFailures, banWindow, banDuration, permitForeignAddresses, permitPrivilegedPorts, maxLineLength, tlsImplicitPort,
                tlsControlRequired, tlsDataRequired, tlsSessionReuseRequired, tlsAnonymousExempt, tlsHandshakeTimeout,
                readLimit, writeLimit, serverReadLimit, serverWriteLimit, loginTimeout, maxCommandsPerSecond,
                masqueradeAddressMap,
                closeRemovedUserSessions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerSettings && ((ServerSettings) o).values().equals(values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", passive.ports=" + passivePorts
                + ", masquerade.address=" + masqueradeAddress + ", max.connections=" + maxConnections
                + ", max.connections.per.ip=" + maxConnectionsPerIp + ", idle.timeout=" + idleTimeout.toSeconds()
                + ", tls.implicit.port=" + tlsImplicitPort + ", tls.control.required=" + tlsControlRequired
                + ", tls.data.required=" + tlsDataRequired + ", tls.session.reuse.required=" + tlsSessionReuseRequired()
                + ", read.limit=" + readLimit + ", write.limit=" + writeLimit + ", server.read.limit=" + serverReadLimit
                + ", server.write.limit=" + serverWriteLimit
                + ", removed.user.sessions=" + (closeRemovedUserSessions ? "close" : "keep")
                + "]";
    }

    /** Builds {@link ServerSettings}; every value starts at its default. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 2121;
        private PortRange passivePorts;
        private String masqueradeAddress;
        private String banner = "pyftpd-java ready.";
        private int maxConnections = 256;
        private int maxConnectionsPerIp = 16;
        private Duration idleTimeout = Duration.ofSeconds(300);
        private Duration dataTimeout = Duration.ofSeconds(300);
        private Duration passiveAcceptTimeout = Duration.ofSeconds(30);
        private int maxLoginAttempts = 3;
        private Duration loginFailedDelay = Duration.ofSeconds(1);
        private int banMaxFailures = 10;
        private Duration banWindow = Duration.ofSeconds(60);
        private Duration banDuration = Duration.ofSeconds(300);
        private boolean permitForeignAddresses;
        private boolean permitPrivilegedPorts;
        private int maxLineLength = 4096;
        private int tlsImplicitPort;
        private boolean tlsControlRequired;
        private boolean tlsDataRequired;
        private Boolean tlsSessionReuseRequired;
        private boolean tlsAnonymousExempt;
        private Duration tlsHandshakeTimeout = Duration.ofSeconds(10);
        private long readLimit;
        private long writeLimit;
        private long serverReadLimit;
        private long serverWriteLimit;
        private Duration loginTimeout = Duration.ofSeconds(60);
        private int maxCommandsPerSecond = 1000;
        private Map<String, String> masqueradeAddressMap = Map.of();
        private boolean closeRemovedUserSessions;

        private Builder() {
        }

        private Builder(ServerSettings s) {
            host = s.host;
            port = s.port;
            passivePorts = s.passivePorts;
            masqueradeAddress = s.masqueradeAddress;
            banner = s.banner;
            maxConnections = s.maxConnections;
            maxConnectionsPerIp = s.maxConnectionsPerIp;
            idleTimeout = s.idleTimeout;
            dataTimeout = s.dataTimeout;
            passiveAcceptTimeout = s.passiveAcceptTimeout;
            maxLoginAttempts = s.maxLoginAttempts;
            loginFailedDelay = s.loginFailedDelay;
            banMaxFailures = s.banMaxFailures;
            banWindow = s.banWindow;
            banDuration = s.banDuration;
            permitForeignAddresses = s.permitForeignAddresses;
            permitPrivilegedPorts = s.permitPrivilegedPorts;
            maxLineLength = s.maxLineLength;
            tlsImplicitPort = s.tlsImplicitPort;
            tlsControlRequired = s.tlsControlRequired;
            tlsDataRequired = s.tlsDataRequired;
            tlsSessionReuseRequired = s.tlsSessionReuseRequired;
            tlsAnonymousExempt = s.tlsAnonymousExempt;
            tlsHandshakeTimeout = s.tlsHandshakeTimeout;
            readLimit = s.readLimit;
            writeLimit = s.writeLimit;
            serverReadLimit = s.serverReadLimit;
            serverWriteLimit = s.serverWriteLimit;
            loginTimeout = s.loginTimeout;
            maxCommandsPerSecond = s.maxCommandsPerSecond;
            masqueradeAddressMap = s.masqueradeAddressMap;
            closeRemovedUserSessions = s.closeRemovedUserSessions;
        }

        public Builder host(String value) {
            host = Objects.requireNonNull(value, "host");
            return this;
        }

        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            port = value;
            return this;
        }

        public Builder passivePorts(PortRange value) {
            passivePorts = value;
            return this;
        }

        public Builder masqueradeAddress(String value) {
            masqueradeAddress = value == null || value.isBlank() ? null : value;
            return this;
        }

        public Builder banner(String value) {
            banner = Objects.requireNonNull(value, "banner");
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = nonNegative(value, MAX_CONNECTIONS);
            return this;
        }

        public Builder maxConnectionsPerIp(int value) {
            maxConnectionsPerIp = nonNegative(value, MAX_CONNECTIONS_PER_IP);
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = nonNegative(value, IDLE_TIMEOUT);
            return this;
        }

        public Builder dataTimeout(Duration value) {
            dataTimeout = nonNegative(value, DATA_TIMEOUT);
            return this;
        }

        public Builder passiveAcceptTimeout(Duration value) {
            passiveAcceptTimeout = nonNegative(value, PASSIVE_ACCEPT_TIMEOUT);
            return this;
        }

        public Builder maxLoginAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException(MAX_LOGIN_ATTEMPTS + " must be at least 1");
            }
            maxLoginAttempts = value;
            return this;
        }

        public Builder loginFailedDelay(Duration value) {
            loginFailedDelay = nonNegative(value, LOGIN_FAILED_DELAY);
            return this;
        }

        /** Failed logins from one address within the ban window that ban it; 0 turns bans off. */
        public Builder banMaxFailures(int value) {
            banMaxFailures = nonNegative(value, BAN_MAX_FAILURES);
            return this;
        }

        public Builder banWindow(Duration value) {
            banWindow = positive(value, BAN_WINDOW);
            return this;
        }

        public Builder banDuration(Duration value) {
            banDuration = positive(value, BAN_DURATION);
            return this;
        }

        public Builder permitForeignAddresses(boolean value) {
            permitForeignAddresses = value;
            return this;
        }

        public Builder permitPrivilegedPorts(boolean value) {
            permitPrivilegedPorts = value;
            return this;
        }

        public Builder maxLineLength(int value) {
            if (value < 64) {
                throw new IllegalArgumentException(MAX_LINE_LENGTH + " must be at least 64");
            }
            maxLineLength = value;
            return this;
        }

        /** The implicit FTPS port; 0 (default) for none. */
        public Builder tlsImplicitPort(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(TLS_IMPLICIT_PORT + " out of range: " + value);
            }
            tlsImplicitPort = value;
            return this;
        }

        public Builder tlsControlRequired(boolean value) {
            tlsControlRequired = value;
            return this;
        }

        public Builder tlsDataRequired(boolean value) {
            tlsDataRequired = value;
            return this;
        }

        /** True or false, or null (default) for on exactly when TLS is required on the control or data channel. */
        public Builder tlsSessionReuseRequired(Boolean value) {
            tlsSessionReuseRequired = value;
            return this;
        }

        public Builder tlsAnonymousExempt(boolean value) {
            tlsAnonymousExempt = value;
            return this;
        }

        public Builder tlsHandshakeTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(TLS_HANDSHAKE_TIMEOUT + " must be positive");
            }
            tlsHandshakeTimeout = value;
            return this;
        }

        /** True: end the sessions of a user an authorizer withdraws; false (default): let them run. */
        public Builder closeRemovedUserSessions(boolean value) {
            closeRemovedUserSessions = value;
            return this;
        }

        /** Bytes per second a session may receive; 0 (default) for no limit. */
        public Builder readLimit(long value) {
            readLimit = nonNegative(value, READ_LIMIT);
            return this;
        }

        /** Bytes per second a session may send; 0 (default) for no limit. */
        public Builder writeLimit(long value) {
            writeLimit = nonNegative(value, WRITE_LIMIT);
            return this;
        }

        /** Bytes per second the whole server may receive on data connections; 0 (default) for no limit. */
        public Builder serverReadLimit(long value) {
            serverReadLimit = nonNegative(value, SERVER_READ_LIMIT);
            return this;
        }

        /** Bytes per second the whole server may send on data connections; 0 (default) for no limit. */
        public Builder serverWriteLimit(long value) {
            serverWriteLimit = nonNegative(value, SERVER_WRITE_LIMIT);
            return this;
        }

        /** How long a connection may stay unauthenticated; zero for no limit (default 60 s). */
        public Builder loginTimeout(Duration value) {
            loginTimeout = nonNegative(value, LOGIN_TIMEOUT);
            return this;
        }

        /** Commands per second a control connection may send; 0 for no limit (default 1000). */
        public Builder maxCommandsPerSecond(int value) {
            maxCommandsPerSecond = nonNegative(value, MAX_COMMANDS_PER_SECOND);
            return this;
        }

        /** Local address to announced IPv4 address for PASV replies; null or empty for none. */
        public Builder masqueradeAddressMap(Map<String, String> value) {
            masqueradeAddressMap = value == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(value));
            return this;
        }

        private static long nonNegative(long value, String key) {
            if (value < 0) {
                throw new IllegalArgumentException(key + " must not be negative");
            }
            return value;
        }

        private static int nonNegative(int value, String key) {
            if (value < 0) {
                throw new IllegalArgumentException(key + " must not be negative");
            }
            return value;
        }

        private static Duration positive(Duration value, String key) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(key + " must be positive");
            }
            return value;
        }

        private static Duration nonNegative(Duration value, String key) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(key + " must not be negative");
            }
            return value;
        }

        public ServerSettings build() {
            return new ServerSettings(this);
        }
    }
}
