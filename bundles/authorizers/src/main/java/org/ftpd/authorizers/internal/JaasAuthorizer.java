package org.ftpd.authorizers.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.security.auth.login.LoginException;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Authorizer;
import org.ftpd.api.Credentials;
import org.ftpd.api.UnknownUserException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins checked against a JAAS realm ({@code ftpd.authorizer=jaas}, PID {@code org.ftpd.jaas}, active only while
 * that configuration exists). Users need the configured role; their permissions come from their roles, their home
 * is {@code <home.base>/<user>}. JAAS does not say whether a name exists, so every refusal is reported as an
 * unknown user: another authorizer may still know the name.
 */
@Component(configurationPid = JaasConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Authorizer.class, property = Authorizer.NAME_PROPERTY + "=" + JaasAuthorizer.NAME)
@Designate(ocd = JaasConfiguration.class)
public final class JaasAuthorizer implements Authorizer {

    static final String NAME = "jaas";
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthorizer.class);
    /** Names usable as one folder name: no separators, no dot first (so no "." or ".."), no controls. */
    private static final Pattern SAFE_NAME = Pattern.compile("[^./\\\\\\p{Cntrl}][^/\\\\\\p{Cntrl}]{0,254}");

    private final RealmLogin login;
    private final Path karafBase;
    private volatile JaasSettings settings;

    public JaasAuthorizer() {
        this(new RealmLogin(null), karafBase());
    }

    JaasAuthorizer(RealmLogin login, Path karafBase) {
        this.login = login;
        this.karafBase = karafBase;
    }

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        JaasSettings.Result result = JaasSettings.parse(properties, karafBase);
        if (!result.problems().isEmpty()) {
            result.problems().forEach(p -> LOG.error("JAAS authorizer configuration {}: {}", JaasConfiguration.PID, p));
            if (settings == null) {
                settings = JaasSettings.parse(Map.of(), karafBase).settings();
                LOG.error("JAAS authorizer: invalid configuration, using the defaults until it is fixed");
            } else {
                LOG.error("JAAS authorizer: invalid configuration, the last good one stays in force");
            }
        } else {
            settings = result.settings();
        }
        JaasSettings s = settings;
        LOG.info("JAAS authorizer: realm {}, role {}, permissions by role {}, homes under {}", s.realm(), s.role(),
                s.rolePermissions(), s.homeBase());
    }

    @Override
    public Account authenticate(Credentials credentials) throws AuthenticationException {
        JaasSettings s = settings;
        String user = credentials.userName();
        if (!SAFE_NAME.matcher(user).matches()) {
            throw new UnknownUserException(user);
        }
        Set<String> roles;
        try {
            roles = login.roles(s.realm(), user, credentials.password());
        } catch (LoginException e) {
            LOG.debug("JAAS realm {} refused {}: {}", s.realm(), user, e.getMessage());
            throw new UnknownUserException(user);
        } catch (RuntimeException e) {
            // a broken realm (missing module, LDAP down) must not look like a wrong password in the log
            LOG.warn("JAAS realm {} failed for {}", s.realm(), user, e);
            throw new UnknownUserException(user);
        }
        if (!roles.contains(s.role())) {
            LOG.info("JAAS user {} of realm {} lacks role {}: no FTP login", user, s.realm(), s.role());
            throw new UnknownUserException(user);
        }
        return Account.builder(user, s.homeBase().resolve(user).toUri()).permissions(s.permissionsFor(roles))
                .build();
    }

    private static Path karafBase() {
        String base = System.getProperty("karaf.base");
        return Path.of(base == null || base.isBlank() ? "" : base).toAbsolutePath();
    }
}
