package org.ftpd.protocol.internal.osgi;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ftpd.api.Authorizer;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.SiteCommand;
import org.ftpd.api.TlsContextProvider;
import org.ftpd.protocol.FtpServer;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.SettingsProblem;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FTP server as a DS component configured by PID {@code org.ftpd} (etc/org.ftpd.cfg). A thin adapter over
 * {@link FtpServer}: the raw configuration goes through {@link ServerSettings#parse}, so a bad value is logged
 * with its key, value and reason and the last good value stays; {@code @Modified} applies changes live
 * (a new port rebinds the listener, sessions in progress continue). Services come and go without a restart:
 * the server reads authorizers, filesystem factories, TLS and listeners at every use.
 */
@Component(name = "org.ftpd", configurationPid = "org.ftpd", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = FtpServerComponent.Config.class)
public final class FtpServerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(FtpServerComponent.class);

    /** The reference whose target {@code authorizer.target} sets (DS's {@code <name>.target} rule). */
    static final String AUTHORIZER_REFERENCE = "authorizer";
    static final String AUTHORIZER_TARGET = AUTHORIZER_REFERENCE + ".target";
    static final String DEFAULT_AUTHORIZER_TARGET = "(" + Authorizer.NAME_PROPERTY + "=*)";

    /** Metatype of PID {@code org.ftpd}; the component reads the raw properties, not this type. */
    @ObjectClassDefinition(id = "org.ftpd", name = "pyftpd-java FTP server",
            description = "Listening address, passive ports, limits and timeouts of the FTP server.")
    @interface Config {

        @AttributeDefinition(name = "Host", description = "Address to listen on: 0.0.0.0 (every IPv4 interface), "
                + ":: (every interface) or one address.")
        String host() default "0.0.0.0";

        @AttributeDefinition(name = "Port", description = "Control port (0 picks a free port).", min = "0",
                max = "65535")
        int port() default 2121;

        @AttributeDefinition(name = "Passive ports", required = false,
                description = "Port range for PASV/EPSV, e.g. 60000-60099; empty means any free port.")
        String passive_ports() default "";

        @AttributeDefinition(name = "Masquerade address", required = false,
                description = "IPv4 address announced in PASV replies instead of the local one (behind NAT).")
        String masquerade_address() default "";

        @AttributeDefinition(name = "Banner", description = "Text of the 220 greeting.")
        String banner() default "pyftpd-java ready.";

        @AttributeDefinition(name = "Max connections", min = "0",
                description = "Most control connections at once (0: no limit); others get 421.")
        int max_connections() default 256;

        @AttributeDefinition(name = "Max connections per IP", min = "0",
                description = "Most control connections from one address (0: no limit); others get 421.")
        int max_connections_per_ip() default 16;

        @AttributeDefinition(name = "Idle timeout", min = "0",
                description = "Seconds a control connection may stay silent outside transfers (0: forever).")
        int idle_timeout() default 300;

        @AttributeDefinition(name = "Data timeout", min = "0",
                description = "Seconds a data connection may stall during a transfer (0: forever).")
        int data_timeout() default 300;

        @AttributeDefinition(name = "Passive accept timeout", min = "1",
                description = "Seconds PASV/EPSV wait for the client's data connection.")
        int passive_accept_timeout() default 30;

        @AttributeDefinition(name = "Max login attempts", min = "1",
                description = "Failed logins after which the connection is closed.")
        int max_login_attempts() default 3;

        @AttributeDefinition(name = "Failed login delay",
                description = "Seconds (decimals allowed) before a failed login is answered.")
        String login_failed_delay() default "1";

        @AttributeDefinition(name = "Ban after failures", min = "0",
                description = "Failed logins from one address within the ban window that ban it (0: no bans).")
        int ban_max_failures() default 10;

        @AttributeDefinition(name = "Ban window", min = "1",
                description = "Seconds in which the failed logins are counted.")
        int ban_window() default 60;

        @AttributeDefinition(name = "Ban duration", min = "1",
                description = "Seconds a banned address is refused with 421.")
        int ban_duration() default 300;

        @AttributeDefinition(name = "Permit foreign addresses",
                description = "Allow data connections to or from other hosts than the client (FTP bounce risk).")
        boolean permit_foreign_addresses() default false;

        @AttributeDefinition(name = "Permit privileged ports",
                description = "Allow PORT/EPRT to ports below 1024.")
        boolean permit_privileged_ports() default false;

        @AttributeDefinition(name = "Max line length", min = "512", max = "65536",
                description = "Longest command line in bytes; longer lines get 500.")
        int max_line_length() default 4096;

        @AttributeDefinition(name = "Implicit FTPS port", min = "0", max = "65535",
                description = "Port where connections start with TLS (implicit FTPS, usually 990); 0: none.")
        int tls_implicit_port() default 0;

        @AttributeDefinition(name = "TLS required on the control channel",
                description = "Refuse USER and PASS (534) until the control connection is protected (AUTH TLS).")
        boolean tls_control_required() default false;

        @AttributeDefinition(name = "TLS required on the data channel",
                description = "Refuse transfers (521) unless data connections are protected (PROT P).")
        boolean tls_data_required() default false;

        @AttributeDefinition(name = "TLS session reuse required", options = {
            @Option(value = "auto", label = "when TLS is required"), @Option(value = "true", label = "always"),
            @Option(value = "false", label = "never")},
                description = "A protected data connection must resume the control connection's TLS session "
                        + "(else 522), so nobody else can take it over; auto: when TLS is required.")
        String tls_session_reuse_required() default "auto";

        @AttributeDefinition(name = "Anonymous exempt from TLS",
                description = "User anonymous is exempt from the three TLS requirements above.")
        boolean tls_anonymous_exempt() default false;

        @AttributeDefinition(name = "TLS handshake timeout", min = "1", max = "3600",
                description = "Seconds a TLS handshake (control or data connection) may take.")
        int tls_handshake_timeout() default 10;

        @AttributeDefinition(name = "Read limit per session", required = false,
                description = "Bytes per second one session may upload (the server reads), e.g. 1048576, 512k or "
                        + "10m; 0: no limit. A user's own read.limit applies when it is stricter.")
        String read_limit() default "0";

        @AttributeDefinition(name = "Write limit per session", required = false,
                description = "Bytes per second one session may download (the server writes), e.g. 512k; 0: no "
                        + "limit. A user's own write.limit applies when it is stricter.")
        String write_limit() default "0";

        @AttributeDefinition(name = "Server read limit", required = false,
                description = "Bytes per second all uploads together may use; 0: no limit.")
        String server_read_limit() default "0";

        @AttributeDefinition(name = "Server write limit", required = false,
                description = "Bytes per second all downloads and listings together may use; 0: no limit.")
        String server_write_limit() default "0";

        @AttributeDefinition(name = "Login timeout", min = "0",
                description = "Seconds a connection may stay without logging in before 421 and close (0: forever).")
        int login_timeout() default 60;

        @AttributeDefinition(name = "Max commands per second", min = "0",
                description = "Commands per second one control connection may send; above it reading pauses "
                        + "(backpressure, no disconnect). 0: no limit.")
        int max_commands_per_second() default 1000;

        @AttributeDefinition(name = "Masquerade address map", required = false,
                description = "Comma-separated local=announced IPv4 pairs for PASV by the address the client "
                        + "connected to, e.g. 10.0.0.5=203.0.113.7; before the masquerade address.")
        String masquerade_address_map() default "";

        @AttributeDefinition(name = "Failed login delay (auth.failed.delay)", required = false,
                description = "The documented name of login.failed.delay; wins when both are set.")
        String auth_failed_delay();

        @AttributeDefinition(name = "Authorizer filter",
                description = "LDAP filter selecting the Authorizer services to ask, in ranking order.")
        String authorizer_target() default DEFAULT_AUTHORIZER_TARGET;

        @AttributeDefinition(name = "Sessions of removed users", options = {
            @Option(value = "keep", label = "keep them"), @Option(value = "close", label = "close them (421)")},
                description = "What happens to the open sessions of a user whose account is deleted or disabled: "
                        + "keep (they end by themselves) or close (421). New logins are refused either way.")
        String removed_user_sessions() default "keep";
    }

    private final RankedServices<Authorizer> authorizers = new RankedServices<>();
    private final RankedServices<FileSystemFactory> fileSystems = new RankedServices<>();
    private final RankedServices<FtpEventListener> listeners = new RankedServices<>();
    private final SiteCommandWhiteboard siteCommands = new SiteCommandWhiteboard();
    private volatile TlsContextProvider tls;

    private FtpServer server;
    private final OperatorServices operatorServices = OperatorServices.forThisBundle();
    private ServerSettings lastGood = ServerSettings.defaults();
    private List<SettingsProblem> lastProblems = List.of();

    @Activate
    void activate(Map<String, Object> properties) {
        configure(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        configure(properties);
    }

    @Deactivate
    synchronized void deactivate() {
        operatorServices.close();
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Applies a configuration: parse, report, then start or reconfigure. */
    synchronized void configure(Map<String, Object> properties) {
        ServerSettings.Parsed parsed = ServerSettings.parse(properties, lastGood);
        lastProblems = parsed.problems();
        for (SettingsProblem problem : parsed.problems()) {
            LOG.warn("org.ftpd: {}", problem.message());
        }
        reportDelayAlias(properties, parsed.problems());
        checkAuthorizerTarget(properties.get(AUTHORIZER_TARGET));
        ServerSettings wanted = parsed.settings();
        if (server == null) {
            server = FtpServer.builder()
                    .settings(wanted)
                    .authorizers(authorizers::get)
                    .fileSystemFactories(scheme -> fileSystems.first(p -> hasScheme(p, scheme)))
                    .tlsContextProvider(() -> tls)
                    .eventListeners(listeners::get)
                    .siteCommands(siteCommands::byName)
                    .build();
        }
        try {
            if (!server.isRunning()) {
                server.reconfigure(wanted);
                server.start();
            } else if (!wanted.equals(server.settings())) {
                server.reconfigure(wanted);
                LOG.info("org.ftpd: configuration applied: {}", wanted);
            }
        } catch (IOException e) {
            LOG.error("org.ftpd: {}; {}", e.getMessage(), server.isRunning()
                    ? "the server keeps its previous configuration and listener"
                    : "the server is not listening until the configuration changes");
        }
        lastGood = server.settings();
        operatorServices.update(server);
    }

    /** Both names of the failed-login delay set: says which one is in force. */
    private static void reportDelayAlias(Map<String, Object> properties, List<SettingsProblem> problems) {
        Object alias = properties.get(ServerSettings.AUTH_FAILED_DELAY);
        Object old = properties.get(ServerSettings.LOGIN_FAILED_DELAY);
        if (alias == null || old == null) {
            return;
        }
        boolean aliasBad = problems.stream().anyMatch(p -> p.key().equals(ServerSettings.AUTH_FAILED_DELAY));
        LOG.info("org.ftpd: both {} = '{}' and {} = '{}' are set; {} applies", ServerSettings.AUTH_FAILED_DELAY,
                alias, ServerSettings.LOGIN_FAILED_DELAY, old,
                aliasBad ? ServerSettings.LOGIN_FAILED_DELAY : ServerSettings.AUTH_FAILED_DELAY);
    }

    private static void checkAuthorizerTarget(Object target) {
        if (target == null) {
            return;
        }
        try {
            FrameworkUtil.createFilter(target.toString());
        } catch (InvalidSyntaxException | RuntimeException e) {
            LOG.warn("org.ftpd: invalid value for configuration key '{}': '{}' ({}); no authorizer matches it, "
                    + "so nobody can log in until it is fixed", AUTHORIZER_TARGET, target, e.getMessage());
        }
    }

    static boolean hasScheme(Map<String, Object> properties, String scheme) {
        Object value = properties.get(FileSystemFactory.SCHEME_PROPERTY);
        if (value instanceof String s) {
            return s.equalsIgnoreCase(scheme);
        }
        if (value instanceof String[] a) {
            return List.of(a).stream().anyMatch(scheme::equalsIgnoreCase);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().anyMatch(x -> scheme.equalsIgnoreCase(String.valueOf(x)));
        }
        return false;
    }

    // ---- references

    @Reference(name = AUTHORIZER_REFERENCE, service = Authorizer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = DEFAULT_AUTHORIZER_TARGET, unbind = "unbindAuthorizer", updated = "updatedAuthorizer")
    void bindAuthorizer(Authorizer authorizer, Map<String, Object> properties) {
        authorizers.add(authorizer, properties);
        LOG.info("org.ftpd: authorizer {} available", properties.get(Authorizer.NAME_PROPERTY));
    }

    void updatedAuthorizer(Authorizer authorizer, Map<String, Object> properties) {
        authorizers.add(authorizer, properties);
    }

    void unbindAuthorizer(Authorizer authorizer, Map<String, Object> properties) {
        authorizers.remove(authorizer);
        LOG.info("org.ftpd: authorizer {} gone", properties.get(Authorizer.NAME_PROPERTY));
    }

    @Reference(name = "fileSystemFactory", service = FileSystemFactory.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindFileSystemFactory",
            updated = "updatedFileSystemFactory")
    void bindFileSystemFactory(FileSystemFactory factory, Map<String, Object> properties) {
        fileSystems.add(factory, properties);
    }

    void updatedFileSystemFactory(FileSystemFactory factory, Map<String, Object> properties) {
        fileSystems.add(factory, properties);
    }

    void unbindFileSystemFactory(FileSystemFactory factory) {
        fileSystems.remove(factory);
    }

    @Reference(name = "tlsContextProvider", service = TlsContextProvider.class,
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindTlsContextProvider")
    void bindTlsContextProvider(TlsContextProvider provider) {
        tls = provider;
    }

    void unbindTlsContextProvider(TlsContextProvider provider) {
        // with GREEDY a replacement may be bound before the old one is unbound
        if (tls == provider) {
            tls = null;
        }
    }

    @Reference(name = "eventListener", service = FtpEventListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindEventListener")
    void bindEventListener(FtpEventListener listener, Map<String, Object> properties) {
        listeners.add(listener, properties);
    }

    void unbindEventListener(FtpEventListener listener) {
        listeners.remove(listener);
    }

    @Reference(name = "siteCommand", service = SiteCommand.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + SiteCommand.NAME_PROPERTY + "=*)",
            unbind = "unbindSiteCommand", updated = "updatedSiteCommand")
    void bindSiteCommand(SiteCommand command, Map<String, Object> properties) {
        siteCommands.add(command, properties);
    }

    void updatedSiteCommand(SiteCommand command, Map<String, Object> properties) {
        siteCommands.add(command, properties);
    }

    void unbindSiteCommand(SiteCommand command) {
        siteCommands.remove(command);
    }

    // ---- for tests

    synchronized FtpServer server() {
        return server;
    }

    synchronized List<SettingsProblem> lastProblems() {
        return lastProblems;
    }
}
