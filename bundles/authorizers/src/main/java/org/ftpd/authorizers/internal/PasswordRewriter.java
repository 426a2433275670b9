package org.ftpd.authorizers.internal;

import java.io.IOException;
import java.util.Dictionary;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a plain password in a user configuration by its hash, through ConfigurationAdmin (Karaf's
 * fileinstall then writes the hash into the .cfg file). It writes only while the stored value is still that
 * plain password, so the update it causes (which carries a hash) never triggers another.
 */
final class PasswordRewriter {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordRewriter.class);

    private PasswordRewriter() {
    }

    /** @return whether the configuration was updated */
    static boolean rewrite(ConfigurationAdmin configAdmin, String pid, String plain, String hash) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + escape(pid) + ")");
            if (found == null || found.length == 0) {
                LOG.warn("User configuration {} is gone; its plain password was not rewritten", pid);
                return false;
            }
            Configuration configuration = found[0];
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null || !plain.equals(properties.get(UserConfigParser.PASSWORD))) {
                // changed meanwhile (or already hashed): the next update brings its own value
                return false;
            }
            properties.put(UserConfigParser.PASSWORD, hash);
            configuration.update(properties);
            LOG.info("Replaced the plain password of user configuration {} by its hash", pid);
            return true;
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            LOG.warn("Could not replace the plain password of user configuration {} by its hash: {}", pid,
                    e.toString());
            return false;
        }
    }

    /** RFC 1960 escaping for a value in an LDAP filter. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
