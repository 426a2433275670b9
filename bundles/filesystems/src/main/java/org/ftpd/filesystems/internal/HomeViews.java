package org.ftpd.filesystems.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ftpd.api.Account;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.FtpFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a session's view of an account's home: a folder of the default filesystem for {@code file:} homes (or
 * a bare absolute path), a folder of an in-memory tree for {@code memory:} homes; jailed, or unjailed when the
 * account says {@code unjailed = true}; writing by the server's {@link FsSettings} and the account's own
 * {@code umask} and {@code quota.bytes}.
 */
final class HomeViews implements FileSystemFactory, Closeable {

    static final String FILE_SCHEME = "file";
    private static final Logger LOG = LoggerFactory.getLogger(HomeViews.class);

    private volatile FsSettings settings = FsSettings.DEFAULTS;
    private final HomeFolders folders = new HomeFolders();
    private final MemoryTrees memory = new MemoryTrees();
    private final Map<FileSystem, PrincipalNames> names = new ConcurrentHashMap<>();
    private final Map<Path, QuotaLedger> quotas = new ConcurrentHashMap<>();
    // each bad per-user value is reported once, not at every login
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    void settings(FsSettings value) {
        settings = value;
    }

    FsSettings settings() {
        return settings;
    }

    @Override
    public FtpFileSystem open(Account account) throws IOException {
        FsSettings current = settings;
        URI uri = account.home();
        String scheme = uri.getScheme() == null ? FILE_SCHEME : uri.getScheme().toLowerCase(Locale.ROOT);
        Path home = switch (scheme) {
            case FILE_SCHEME -> folders.folder(uri);
            case MemoryTrees.SCHEME -> memory.folder(uri, current.memoryMaxBytes());
            default -> throw new IOException("no filesystem serves the home " + uri);
        };
        WriteRules rules = rulesFor(account, home, current);
        PrincipalNames cache = names.computeIfAbsent(home.getFileSystem(), fs -> new PrincipalNames());
        if (unjailed(account)) {
            return JailedFileSystem.unjailed(home, rules, cache);
        }
        return new JailedFileSystem(home, null, rules, cache);
    }

    private WriteRules rulesFor(Account account, Path home, FsSettings current) throws IOException {
        int umask = current.umask();
        String value = account.property(FileSystemFactory.UMASK);
        if (value != null) {
            try {
                umask = FsSettings.parseUmask(value);
            } catch (IllegalArgumentException e) {
                report(account, FileSystemFactory.UMASK, value, e.getMessage(), FsSettings.describeUmask(umask));
            }
        }
        long quotaBytes = current.quotaBytes();
        value = account.property(FileSystemFactory.QUOTA_BYTES);
        if (value != null) {
            try {
                quotaBytes = FsSettings.parseBytes(value, quotaBytes);
            } catch (IllegalArgumentException e) {
                report(account, FileSystemFactory.QUOTA_BYTES, value, e.getMessage(), String.valueOf(quotaBytes));
            }
        }
        QuotaLedger quota = null;
        if (quotaBytes > 0) {
            long limit = quotaBytes;
            quota = quotas.computeIfAbsent(home.toRealPath(), h -> new QuotaLedger(h, limit));
            quota.limit(limit);
            quota.recountIfStale();
        }
        return new WriteRules(umask, current.atomicUploads(), current.keepPartial(), quota);
    }

    private boolean unjailed(Account account) {
        String value = account.property(FileSystemFactory.UNJAILED);
        if (value == null) {
            return false;
        }
        try {
            return FsSettings.parseBoolean(value);
        } catch (IllegalArgumentException e) {
            report(account, FileSystemFactory.UNJAILED, value, e.getMessage(), "false (jailed)");
            return false;
        }
    }

    private void report(Account account, String key, String value, String reason, String used) {
        if (reported.add(account.userName() + '\0' + key + '\0' + value)) {
            LOG.warn("user {}: invalid value for key '{}': '{}' ({}); using {}", account.userName(), key, value,
                    reason, used);
        }
    }

    /** Drops the memory trees. */
    @Override
    public void close() {
        memory.close();
    }
}
