package org.ftpd.shell.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The {@code org.ftpd.user} factory configurations, as the commands see them: one per user, named after the user
 * (PID {@code org.ftpd.user~<name>}, the same that Karaf gives the file {@code etc/org.ftpd.user-<name>.cfg}).
 */
final class UserConfigurations {

    static final String FACTORY_PID = "org.ftpd.user";
    /** Names that can be a configuration name and a file name alike. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,63}");

    private final ConfigurationAdmin configAdmin;

    UserConfigurations(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid user name \"" + name
                    + "\" (letters, digits and _ . @ + -, not starting with . @ + -, at most 64)");
        }
        return name;
    }

    /** The configuration serving {@code name}, or null. */
    Configuration find(String name) throws IOException {
        for (Configuration c : all()) {
            if (name.equals(nameOf(c))) {
                return c;
            }
        }
        return null;
    }

    /** Every user configuration, by user name. */
    List<Configuration> all() throws IOException {
        Configuration[] found;
        try {
            found = configAdmin.listConfigurations("(service.factoryPid=" + FACTORY_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Configuration> list = new ArrayList<>(found == null ? List.of() : List.of(found));
        list.sort(Comparator.comparing(UserConfigurations::nameOf));
        return list;
    }

    /** Creates the configuration of a new user; fails when the name is taken. */
    void add(String name, String passwordHash, String home, String perm) throws IOException {
        checkName(name);
        if (find(name) != null) {
            throw new IllegalArgumentException("user " + name + " exists already");
        }
        Configuration c = configAdmin.getFactoryConfiguration(FACTORY_PID, name, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", name);
        properties.put("password", passwordHash);
        properties.put("home", home);
        properties.put("perm", perm);
        c.update(properties);
    }

    /** Replaces the password of an existing user; false when there is no such user. */
    boolean setPassword(String name, String passwordHash) throws IOException {
        Configuration c = find(name);
        if (c == null) {
            return false;
        }
        Dictionary<String, Object> properties = c.getProperties();
        properties.put("password", passwordHash);
        c.update(properties);
        return true;
    }

    /** Deletes the user's configuration (and so its file); false when there is no such user. */
    boolean remove(String name) throws IOException {
        Configuration c = find(name);
        if (c == null) {
            return false;
        }
        c.delete();
        return true;
    }

    /** The user's name: its {@code name} key, else what follows the factory PID in the configuration's PID. */
    static String nameOf(Configuration c) {
        Dictionary<String, Object> properties = c.getProperties();
        Object name = properties == null ? null : properties.get("name");
        if (name != null && !String.valueOf(name).isBlank()) {
            return String.valueOf(name).trim();
        }
        String pid = c.getPid();
        int cut = Math.max(pid.indexOf('~'), pid.indexOf('-'));
        return cut >= 0 ? pid.substring(cut + 1) : pid;
    }

    static String text(Configuration c, String key, String fallback) {
        Dictionary<String, Object> properties = c.getProperties();
        Object value = properties == null ? null : properties.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
