package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * User and group names by number, shared by the sessions of one factory: a listing of 10,000 files owned by
 * one user asks the name service twice, not 20,000 times. Names are kept for ten minutes, so a renamed user
 * shows up without a restart; the table is bounded.
 */
final class PrincipalNames implements OwnerNames {

    /** Where names come from: the owner or group of a file whose number is not cached yet. */
    interface Lookup {
        String owner(Path file) throws IOException;

        String group(Path file) throws IOException;
    }

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    static final long KEEP_NANOS = 10L * 60 * 1_000_000_000L;
    static final int MAX_ENTRIES = 4096;

    /** Asks the provider (on Unix, getpwuid/getgrgid through the JDK). */
    static final Lookup PROVIDER = new Lookup() {
        @Override
        public String owner(Path file) throws IOException {
            UserPrincipal owner = Files.getOwner(file, NO_FOLLOW);
            return owner == null ? null : owner.getName();
        }

        @Override
        public String group(Path file) throws IOException {
            GroupPrincipal group = (GroupPrincipal) Files.getAttribute(file, "posix:group", NO_FOLLOW);
            return group == null ? null : group.getName();
        }
    };

    private record Name(String value, long at) {
    }

    private final Lookup lookup;
    private final LongSupplier clock;
    private final Map<Integer, Name> users = new ConcurrentHashMap<>();
    private final Map<Integer, Name> groups = new ConcurrentHashMap<>();

    PrincipalNames() {
        this(PROVIDER, System::nanoTime);
    }

    PrincipalNames(Lookup lookup, LongSupplier clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    @Override
    public String user(int uid, Path file) throws IOException {
        return cached(users, uid, file, true);
    }

    @Override
    public String group(int gid, Path file) throws IOException {
        return cached(groups, gid, file, false);
    }

    /**
     * Names for one listing: the last user and group asked are kept in front of this table, so a directory whose
     * entries share an owner costs no clock read or table lookup per entry. Not for use by two threads at once.
     */
    OwnerNames forOneListing() {
        return new LastAsked(this);
    }

    private static final class LastAsked implements OwnerNames {
        private final LastName user;
        private final LastName group;

        LastAsked(OwnerNames shared) {
            this.user = new LastName(shared::user);
            this.group = new LastName(shared::group);
        }

        @Override
        public String user(int uid, Path file) throws IOException {
            return user.of(uid, file);
        }

        @Override
        public String group(int gid, Path file) throws IOException {
            return group.of(gid, file);
        }
    }

    /** The name of the last number asked, in front of where names come from. */
    private static final class LastName {
        interface Source {
            String name(int id, Path file) throws IOException;
        }

        private final Source source;
        private int id;
        private String name;

        LastName(Source source) {
            this.source = source;
        }

        String of(int id, Path file) throws IOException {
            if (name == null || id != this.id) {
                name = source.name(id, file);
                this.id = id;
            }
            return name;
        }
    }

    private String cached(Map<Integer, Name> table, int id, Path file, boolean user) throws IOException {
        long now = clock.getAsLong();
        Name name = table.get(id);
        if (name != null && now - name.at < KEEP_NANOS) {
            return name.value;
        }
        String value = user ? lookup.owner(file) : lookup.group(file);
        if (value == null) {
            value = Integer.toString(id);
        }
        if (table.size() >= MAX_ENTRIES) {
            table.clear();
        }
        table.put(id, new Name(value, now));
        return value;
    }
}
