package org.ftpd.authorizers.internal;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code org.ftpd.user} factory configuration: validates it and serves the user through the
 * {@link UserDirectory}, or logs why it cannot. A plain password is hashed and written back as its hash.
 */
@Component(configurationPid = UserConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = UserConfiguration.class, factory = true)
public final class ConfiguredUser {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUser.class);
    /** DS's deactivation reason for a deleted configuration (ComponentConstants, not on this bundle's path). */
    static final int CONFIGURATION_DELETED = 4;
    /** DS's deactivation reason for a stopping bundle. */
    static final int BUNDLE_STOPPED = 6;

    @Reference
    private UserDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configAdmin;

    private final UserConfigParser parser;
    private volatile String pid;

    public ConfiguredUser() {
        this(null, null, new UserConfigParser(Pbkdf2Password::create, karafBase()));
    }

    /** For tests: what DS injects, given directly. */
    ConfiguredUser(UserDirectory directory, ConfigurationAdmin configAdmin, UserConfigParser parser) {
        this.directory = directory;
        this.configAdmin = configAdmin;
        this.parser = parser;
    }

    // activate and modified alike: the references are injected before either is called
    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        pid = String.valueOf(properties.get("service.pid"));
        UserConfigParser.Result result = parser.parse(properties);
        if (!result.valid()) {
            directory.remove(pid);
            for (UserConfigParser.Problem problem : result.problems()) {
                LOG.error("User configuration {}: {}", pid, problem);
            }
            LOG.error("User configuration {} is invalid; {} is not served until it is fixed", pid,
                    userLabel(properties));
            hidePlainPassword(properties);
            return;
        }
        UserSettings user = result.settings();
        user.warnings().forEach(w -> LOG.warn("User configuration {}: {}", pid, w));
        directory.put(user);
        LOG.info("Serving FTP user {} (home {}, perm {}{})", user.name(), user.account().home(),
                user.account().permissions(), user.enabled() ? "" : ", disabled");
        if (user.plainPassword() != null) {
            rewritePlainPassword(user);
        }
    }

    /** Even an invalid configuration should not keep a plain password in its file. */
    private void hidePlainPassword(Map<String, Object> properties) {
        Object password = properties.get(UserConfigParser.PASSWORD);
        if (password instanceof String plain && !plain.isEmpty() && !Pbkdf2Password.looksLikeAnyHash(plain)) {
            ConfigurationAdmin admin = configAdmin;
            if (admin != null) {
                PasswordRewriter.rewrite(admin, pid, plain, parser.hash(plain).encoded());
            }
        }
    }

    private void rewritePlainPassword(UserSettings user) {
        ConfigurationAdmin admin = configAdmin;
        if (admin == null) {
            LOG.warn("User configuration {} holds a plain password and no ConfigurationAdmin is there to replace it"
                    + " by its hash", pid);
            return;
        }
        PasswordRewriter.rewrite(admin, pid, user.plainPassword(), user.password().encoded());
    }

    /**
     * Only a deleted configuration means the account is gone for good (its sessions may be ended); when the bundle
     * stops or is updated the user is withdrawn quietly, so that open sessions carry on.
     */
    @Deactivate
    void deactivate(int reason) {
        boolean deleted = reason == CONFIGURATION_DELETED;
        if (deleted ? directory.delete(pid) : directory.remove(pid)) {
            LOG.info("No longer serving the FTP user of configuration {}{}", pid, deleted ? " (deleted)" : "");
        }
    }

    private static String userLabel(Map<String, Object> properties) {
        Object name = properties.get(UserConfigParser.NAME);
        if (name == null) {
            name = UserConfigParser.nameFromPid(String.valueOf(properties.get("service.pid")));
        }
        return name == null ? "this user" : "user " + name;
    }

    private static Path karafBase() {
        String base = System.getProperty("karaf.base");
        return Path.of(base == null || base.isBlank() ? "" : base).toAbsolutePath();
    }
}
