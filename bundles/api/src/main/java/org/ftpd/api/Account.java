package org.ftpd.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Authorizer} grants to a logged-in user: the home (a URI whose scheme selects the
 * {@link FileSystemFactory}), permissions, per-directory overrides, messages and limits. Immutable.
 */
public final class Account {

    private final String userName;
    private final URI home;
    private final Permissions permissions;
    private final List<PermissionOverride> overrides;
    private final String loginMessage;
    private final String quitMessage;
    private final int maxSessions;
    private final Map<String, String> properties;

    private Account(Builder b) {
        this.userName = Objects.requireNonNull(b.userName, "userName");
        this.home = Objects.requireNonNull(b.home, "home");
        this.permissions = Objects.requireNonNull(b.permissions, "permissions");
        List<PermissionOverride> sorted = new ArrayList<>(b.overrides);
        // the deepest directory decides, so look at the longest paths first
        sorted.sort(Comparator.comparingInt((PermissionOverride o) -> o.directory().length()).reversed());
        this.overrides = List.copyOf(sorted);
        this.loginMessage = b.loginMessage;
        this.quitMessage = b.quitMessage;
        this.maxSessions = b.maxSessions;
        this.properties = Map.copyOf(b.properties);
    }

    public static Builder builder(String userName, URI home) {
        return new Builder(userName, home);
    }

    public String userName() {
        return userName;
    }

    /** The home folder, e.g. {@code file:/srv/ftp/alice}; it is {@code /} in the session's virtual view. */
    public URI home() {
        return home;
    }

    /** The account's permissions outside any override. */
    public Permissions permissions() {
        return permissions;
    }

    public List<PermissionOverride> overrides() {
        return overrides;
    }

    /**
     * The permissions that apply to a file or directory in {@code directory} (an absolute virtual path): those
     * of the deepest override covering it, else the account's own.
     */
    public Permissions permissionsIn(String directory) {
        for (PermissionOverride o : overrides) {
            if (o.covers(directory)) {
                return o.permissions();
            }
        }
        return permissions;
    }

    /** Text sent with the 230 reply, or {@code null}. */
    public String loginMessage() {
        return loginMessage;
    }

    /** Text sent with the 221 reply, or {@code null}. */
    public String quitMessage() {
        return quitMessage;
    }

    /** The most sessions this user may have at once; 0 means no limit of the account's own. */
    public int maxSessions() {
        return maxSessions;
    }

    /**
     * Further per-user settings, for the services that read them (a {@link FileSystemFactory} reads the keys it
     * names, such as {@link FileSystemFactory#UNJAILED}). Never null.
     *
     * @since 1.1
     */
    public Map<String, String> properties() {
        return properties;
    }

    /**
     * One of {@link #properties()}, or {@code null}.
     *
     * @since 1.1
     */
    public String property(String key) {
        return properties.get(key);
    }

    @Override
    public String toString() {
        return "Account[" + userName + ", home=" + home + ", perm=" + permissions + "]";
    }

    /** Builds an {@link Account}. */
    public static final class Builder {
        private final String userName;
        private final URI home;
        private Permissions permissions = Permissions.READ_ONLY;
        private final List<PermissionOverride> overrides = new ArrayList<>();
        private String loginMessage;
        private String quitMessage;
        private int maxSessions;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String userName, URI home) {
            this.userName = userName;
            this.home = home;
        }

        public Builder permissions(Permissions value) {
            this.permissions = value;
            return this;
        }

        public Builder override(PermissionOverride value) {
            this.overrides.add(value);
            return this;
        }

        public Builder loginMessage(String value) {
            this.loginMessage = value;
            return this;
        }

        public Builder quitMessage(String value) {
            this.quitMessage = value;
            return this;
        }

        public Builder maxSessions(int value) {
            this.maxSessions = value;
            return this;
        }

        /**
         * Sets one of {@link Account#properties()}; a {@code null} value removes the key.
         *
         * @since 1.1
         */
        public Builder property(String key, String value) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                this.properties.remove(key);
            } else {
                this.properties.put(key, value);
            }
            return this;
        }

        public Account build() {
            return new Account(this);
        }
    }
}
