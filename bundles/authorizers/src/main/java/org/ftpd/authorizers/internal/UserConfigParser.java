package org.ftpd.authorizers.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.ftpd.api.Account;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.PermissionOverride;
import org.ftpd.api.Permissions;

/**
 * Reads and validates the raw properties of one {@code org.ftpd.user} configuration. Every problem names the
 * key, the value (passwords masked) and the reason; a configuration with any problem gives no user.
 */
final class UserConfigParser {

    static final String NAME = "name";
    static final String PASSWORD = "password";
    static final String HOME = "home";
    static final String PERM = "perm";
    static final String PERM_OVERRIDE = "perm.override";
    static final String MSG_LOGIN = "msg.login";
    static final String MSG_QUIT = "msg.quit";
    static final String ENABLED = "enabled";
    static final String MAX_SESSIONS = "max.sessions";
    // read by the engine (bytes per second; the stricter of these and the server's read.limit / write.limit)
    static final String READ_LIMIT = "read.limit";
    static final String WRITE_LIMIT = "write.limit";
    private static final String RATE = "[0-9]{1,13}\\s*[kKmMgG]?";
    private static final String RATE_REASON = "expected bytes per second, e.g. 1048576, 512k or 10m (0: no limit)";
    // read by the filesystems bundle, passed on as Account properties
    static final String UNJAILED = FileSystemFactory.UNJAILED;
    static final String UMASK = FileSystemFactory.UMASK;
    static final String QUOTA_BYTES = FileSystemFactory.QUOTA_BYTES;
    private static final int MAX_NAME_LENGTH = 128;
    private static final String RECURSIVE_SUFFIX = "/**";

    /** One invalid value. */
    record Problem(String key, String value, String reason) {
        @Override
        public String toString() {
            return key + " = \"" + value + "\": " + reason;
        }
    }

    /** The user, or why there is none. */
    record Result(UserSettings settings, List<Problem> problems) {
        boolean valid() {
            return settings != null;
        }
    }

    private final Function<String, Pbkdf2Password> hasher;
    private final Path base;

    /**
     * @param hasher hashes a plain password found in a configuration
     * @param base the folder relative homes are taken from
     */
    UserConfigParser(Function<String, Pbkdf2Password> hasher, Path base) {
        this.hasher = hasher;
        this.base = base;
    }

    /** Hashes a plain password the way {@link #parse} does. */
    Pbkdf2Password hash(String plain) {
        return hasher.apply(plain);
    }

    Result parse(Map<String, ?> properties) {
        List<Problem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String pid = text(properties.get("service.pid"));

        String name = text(properties.get(NAME));
        if (name == null || name.isBlank()) {
            name = nameFromPid(pid);
            if (name == null) {
                problems.add(new Problem(NAME, "", "missing (and the PID " + pid + " names no user)"));
            }
        } else {
            name = name.trim();
        }
        if (name != null) {
            checkName(name, problems);
        }
        boolean anonymous = UserSettings.ANONYMOUS.equals(name);

        Pbkdf2Password hash = null;
        String plain = null;
        String password = text(properties.get(PASSWORD));
        if (anonymous) {
            if (password != null && !password.isEmpty()) {
                warnings.add("password is ignored: anonymous logs in with any password");
            }
        } else if (password == null || password.isEmpty()) {
            problems.add(new Problem(PASSWORD, "", "missing: a user without a password cannot log in"));
        } else if (Pbkdf2Password.looksLikeThisScheme(password)) {
            try {
                hash = Pbkdf2Password.parse(password);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(PASSWORD, "****", "not a valid " + Pbkdf2Password.PREFIX + " hash: "
                        + e.getMessage()));
            }
        } else if (Pbkdf2Password.looksLikeAnyHash(password)) {
            problems.add(new Problem(PASSWORD, "****", "an unsupported hash scheme (use " + Pbkdf2Password.PREFIX
                    + "..., or a plain password that does not start with '$')"));
        } else {
            plain = password;
        }

        URI home = home(text(properties.get(HOME)), problems);

        Permissions perm = permissions(PERM, valueOr(properties.get(PERM), UserConfiguration.DEFAULT_PERM), problems);
        if (anonymous && perm != null && perm.allowsWriting()) {
            warnings.add("perm = \"" + perm + "\": anonymous is read-only, write letters dropped (" + perm.readOnly()
                    + " kept)");
            perm = perm.readOnly();
        }
        List<PermissionOverride> overrides = overrides(properties.get(PERM_OVERRIDE), anonymous, problems, warnings);

        boolean enabled = bool(ENABLED, properties.get(ENABLED), true, problems);
        int maxSessions = nonNegative(MAX_SESSIONS, properties.get(MAX_SESSIONS), problems);
        boolean unjailed = bool(UNJAILED, properties.get(UNJAILED), false, problems);
        if (anonymous && unjailed) {
            warnings.add("unjailed = true is ignored: anonymous is always jailed in its home");
            unjailed = false;
        }
        String umask = matching(UMASK, properties.get(UMASK), "0?[0-7]{1,3}",
                "expected octal permission bits such as 022 or 077", problems);
        String quota = matching(QUOTA_BYTES, properties.get(QUOTA_BYTES), "[0-9]{1,18}\\s*[kKmMgGtT]?",
                "expected a number of bytes, e.g. 1073741824 or 1g (0: no quota)", problems);
        String readLimit = matching(READ_LIMIT, properties.get(READ_LIMIT), RATE, RATE_REASON, problems);
        String writeLimit = matching(WRITE_LIMIT, properties.get(WRITE_LIMIT), RATE, RATE_REASON, problems);

        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        if (plain != null) {
            hash = hasher.apply(plain);
        }
        Account.Builder account = Account.builder(name, home).permissions(perm).maxSessions(maxSessions)
                .loginMessage(blankToNull(text(properties.get(MSG_LOGIN))))
                .quitMessage(blankToNull(text(properties.get(MSG_QUIT))));
        overrides.forEach(account::override);
        account.property(UNJAILED, unjailed ? "true" : null).property(UMASK, umask).property(QUOTA_BYTES, quota);
        account.property(READ_LIMIT, readLimit).property(WRITE_LIMIT, writeLimit);
        return new Result(new UserSettings(pid, account.build(), hash, enabled, plain, List.copyOf(warnings)),
                List.of());
    }

    /** Karaf names factory configurations {@code org.ftpd.user~<name>} after the file. */
    static String nameFromPid(String pid) {
        if (pid == null) {
            return null;
        }
        int tilde = pid.indexOf('~');
        if (tilde >= 0 && pid.startsWith(UserConfiguration.PID) && tilde + 1 < pid.length()) {
            return pid.substring(tilde + 1);
        }
        return null;
    }

    private static void checkName(String name, List<Problem> problems) {
        if (name.length() > MAX_NAME_LENGTH) {
            problems.add(new Problem(NAME, name, "longer than " + MAX_NAME_LENGTH + " characters"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                problems.add(new Problem(NAME, name, "contains a space or control character"));
                return;
            }
        }
    }

    private URI home(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(HOME, "", "missing: where does this user land?"));
            return null;
        }
        String home = value.trim();
        // a scheme has two letters or more, so C:/ftp is a Windows path, not a URI
        if (home.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            try {
                URI uri = new URI(home);
                if (uri.isOpaque() || uri.getPath() == null || !uri.getPath().startsWith("/")) {
                    problems.add(new Problem(HOME, home, "not an absolute URI path (write file:/srv/ftp/name)"));
                    return null;
                }
                if ("file".equals(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getAuthority() != null) {
                    problems.add(new Problem(HOME, home, "a file: URI with a host is not a local folder"));
                    return null;
                }
                return uri;
            } catch (URISyntaxException e) {
                problems.add(new Problem(HOME, home, "not a valid URI: " + e.getReason()));
                return null;
            }
        }
        try {
            return base.resolve(home).toAbsolutePath().normalize().toUri();
        } catch (InvalidPathException e) {
            problems.add(new Problem(HOME, home, "not a valid path: " + e.getReason()));
            return null;
        }
    }

    private static Permissions permissions(String key, String letters, List<Problem> problems) {
        try {
            return Permissions.parse(letters);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(key, letters, e.getMessage()));
            return null;
        }
    }

    private static List<PermissionOverride> overrides(Object raw, boolean anonymous, List<Problem> problems,
            List<String> warnings) {
        List<PermissionOverride> result = new ArrayList<>();
        for (String entry : entries(raw)) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(PERM_OVERRIDE, entry, "expected /dir=letters or /dir/**=letters"));
                continue;
            }
            String directory = entry.substring(0, eq).trim();
            boolean recursive = directory.endsWith(RECURSIVE_SUFFIX);
            if (recursive) {
                directory = directory.substring(0, directory.length() - RECURSIVE_SUFFIX.length());
                directory = directory.isEmpty() ? "/" : directory;
            }
            if (!directory.startsWith("/") || directory.contains("/../") || directory.endsWith("/..")) {
                problems.add(new Problem(PERM_OVERRIDE, entry, "the directory must be an absolute virtual path"));
                continue;
            }
            Permissions perm = permissions(PERM_OVERRIDE, entry.substring(eq + 1).trim(), problems);
            if (perm == null) {
                continue;
            }
            if (anonymous && perm.allowsWriting()) {
                warnings.add("perm.override " + entry + ": anonymous is read-only, write letters dropped");
                perm = perm.readOnly();
            }
            result.add(new PermissionOverride(directory, perm, recursive));
        }
        return result;
    }

    /** A list value: an array, a collection, or one string with commas. */
    private static List<String> entries(Object raw) {
        List<String> values = new ArrayList<>();
        if (raw instanceof String[] array) {
            values.addAll(List.of(array));
        } else if (raw instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (raw != null) {
            values.add(String.valueOf(raw));
        }
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.trim());
                }
            }
        }
        return entries;
    }

    private static boolean bool(String key, Object raw, boolean fallback, List<Problem> problems) {
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return fallback;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.add(new Problem(key, String.valueOf(raw), "expected true or false"));
        return fallback;
    }

    private static int nonNegative(String key, Object raw, List<Problem> problems) {
        if (raw == null || String.valueOf(raw).isBlank()) {
            return 0;
        }
        try {
            long value = raw instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(raw).trim());
            if (value < 0 || value > Integer.MAX_VALUE) {
                problems.add(new Problem(key, String.valueOf(raw), "must be 0 (no limit) or a positive number"));
                return 0;
            }
            return (int) value;
        } catch (NumberFormatException e) {
            problems.add(new Problem(key, String.valueOf(raw), "not a whole number"));
            return 0;
        }
    }

    /** The trimmed value when it matches {@code pattern}; null when absent or blank. */
    private static String matching(String key, Object raw, String pattern, String reason, List<Problem> problems) {
        String text = text(raw);
        if (text == null || text.isBlank()) {
            return null;
        }
        text = text.trim();
        if (!text.matches(pattern)) {
            problems.add(new Problem(key, text, reason));
            return null;
        }
        return text;
    }

    private static String valueOr(Object raw, String fallback) {
        String text = text(raw);
        return text == null || text.isBlank() ? fallback : text;
    }

    private static String text(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String[] array) {
            return array.length == 0 ? null : array[0];
        }
        return String.valueOf(raw);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
