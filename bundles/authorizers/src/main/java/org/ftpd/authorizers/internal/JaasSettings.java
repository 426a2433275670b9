package org.ftpd.authorizers.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ftpd.api.Permissions;

/**
 * The validated keys of {@code org.ftpd.jaas}: realm, admitted role, permissions by role and the homes' base.
 *
 * @param rolePermissions permissions per role, in configured order
 */
record JaasSettings(String realm, String role, Map<String, Permissions> rolePermissions, Path homeBase) {

    static final String REALM = "realm";
    static final String ROLE = "role";
    static final String ROLE_PERM = "role.perm";
    static final String HOME_BASE = "home.base";

    /** What is wrong with one key. */
    record Problem(String key, Object value, String reason) {
        @Override
        public String toString() {
            return key + " = \"" + value + "\": " + reason;
        }
    }

    /** Parsed settings, or the problems that make them unusable. */
    record Result(JaasSettings settings, List<Problem> problems) {
    }

    /**
     * Reads configuration properties; a missing key takes its default.
     *
     * @param karafBase the value of {@code ${karaf.base}} in {@code home.base}
     */
    static Result parse(Map<String, ?> properties, Path karafBase) {
        List<Problem> problems = new ArrayList<>();
        String realm = text(properties, REALM, JaasConfiguration.DEFAULT_REALM);
        if (realm.isEmpty()) {
            problems.add(new Problem(REALM, realm, "must not be empty"));
        }
        String role = text(properties, ROLE, JaasConfiguration.DEFAULT_ROLE);
        if (role.isEmpty()) {
            problems.add(new Problem(ROLE, role, "must not be empty"));
        }
        Map<String, Permissions> rolePermissions = rolePermissions(properties.get(ROLE_PERM), problems);
        Path homeBase = homeBase(text(properties, HOME_BASE, JaasConfiguration.DEFAULT_HOME_BASE), karafBase,
                problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new JaasSettings(realm, role, rolePermissions, homeBase), List.of());
    }

    /** The permissions of the matching role granting the most; read-only when no role matches. */
    Permissions permissionsFor(Set<String> roles) {
        Permissions best = null;
        for (Map.Entry<String, Permissions> e : rolePermissions.entrySet()) {
            if (roles.contains(e.getKey())
                    && (best == null || e.getValue().asSet().size() > best.asSet().size())) {
                best = e.getValue();
            }
        }
        return best == null ? Permissions.READ_ONLY : best;
    }

    private static String text(Map<String, ?> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : String.valueOf(value).trim();
    }

    private static Map<String, Permissions> rolePermissions(Object value, List<Problem> problems) {
        List<String> entries = new ArrayList<>();
        if (value == null) {
            entries.addAll(List.of(JaasConfiguration.DEFAULT_ROLE_PERM.split(",")));
        } else if (value instanceof String[] array) {
            for (String item : array) {
                entries.addAll(List.of(item.split(",")));
            }
        } else {
            entries.addAll(List.of(String.valueOf(value).split(",")));
        }
        Map<String, Permissions> map = new LinkedHashMap<>();
        for (String entry : entries) {
            String item = entry.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(ROLE_PERM, item, "expected role=letters"));
                continue;
            }
            try {
                map.put(item.substring(0, eq).trim(), Permissions.parse(item.substring(eq + 1).trim()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(ROLE_PERM, item, e.getMessage()));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static Path homeBase(String text, Path karafBase, List<Problem> problems) {
        String expanded = text.replace("${karaf.base}", karafBase.toString());
        if (expanded.isEmpty()) {
            problems.add(new Problem(HOME_BASE, text, "must not be empty"));
            return null;
        }
        try {
            Path path = Path.of(expanded);
            return (path.isAbsolute() ? path : karafBase.resolve(path)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(new Problem(HOME_BASE, text, "not a valid path: " + e.getReason()));
            return null;
        }
    }
}
