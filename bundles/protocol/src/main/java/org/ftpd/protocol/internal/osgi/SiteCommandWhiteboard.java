package org.ftpd.protocol.internal.osgi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ftpd.api.SiteCommand;
import org.ftpd.protocol.internal.command.CommandRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SiteCommand} services DS binds, by the names in their {@value SiteCommand#NAME_PROPERTY} property
 * (a string or several). Who wins a name: a built-in SITE verb (CHMOD, HELP) always, then the best ranked
 * service; every lost contest is logged once when the service arrives. The map the engine reads is rebuilt on
 * each change, so a SITE command costs no lookup work beyond a map read.
 */
final class SiteCommandWhiteboard {

    private static final Logger LOG = LoggerFactory.getLogger(SiteCommandWhiteboard.class);

    private final RankedServices<SiteCommand> services = new RankedServices<>();
    private final Map<SiteCommand, List<String>> names = new LinkedHashMap<>();
    private volatile Map<String, SiteCommand> byName = Map.of();

    synchronized void add(SiteCommand command, Map<String, Object> properties) {
        List<String> given = names(properties.get(SiteCommand.NAME_PROPERTY));
        if (given.isEmpty()) {
            LOG.warn("org.ftpd: SITE command service {} has no usable '{}' property; ignored",
                    properties.get("service.id"), SiteCommand.NAME_PROPERTY);
        }
        names.put(command, given);
        services.add(command, properties);
        rebuild(command);
    }

    synchronized void remove(SiteCommand command) {
        names.remove(command);
        services.remove(command);
        rebuild(null);
    }

    /** SITE extensions by upper-case name, built-ins excluded. */
    Map<String, SiteCommand> byName() {
        return byName;
    }

    private void rebuild(SiteCommand arrived) {
        Set<String> builtIn = CommandRegistry.builtInSiteCommands();
        Map<String, SiteCommand> map = new LinkedHashMap<>();
        for (SiteCommand command : services.get()) {
            for (String name : names.getOrDefault(command, List.of())) {
                if (builtIn.contains(name)) {
                    if (command == arrived) {
                        LOG.warn("org.ftpd: SITE {} is built in; the service offering it too is not used for it",
                                name);
                    }
                } else if (map.putIfAbsent(name, command) != null && command == arrived) {
                    LOG.warn("org.ftpd: SITE {} is already offered by a better ranked service; the new one waits "
                            + "until that one goes", name);
                }
            }
        }
        byName = Map.copyOf(map);
        if (arrived != null) {
            map.forEach((name, command) -> {
                if (command == arrived) {
                    LOG.info("org.ftpd: SITE {} available", name);
                }
            });
        }
    }

    /** Upper-case names from a property value: a string, an array or a collection; blanks and spaces refused. */
    static List<String> names(Object value) {
        List<Object> raw = new ArrayList<>();
        if (value instanceof Object[] array) {
            raw.addAll(java.util.Arrays.asList(array));
        } else if (value instanceof Collection<?> collection) {
            raw.addAll(collection);
        } else if (value != null) {
            raw.add(value);
        }
        List<String> result = new ArrayList<>();
        for (Object o : raw) {
            String name = o == null ? "" : o.toString().trim().toUpperCase(Locale.ROOT);
            if (!name.isEmpty() && name.chars().noneMatch(c -> c <= ' ' || c == 127) && !result.contains(name)) {
                result.add(name);
            }
        }
        return List.copyOf(result);
    }
}
