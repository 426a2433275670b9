package org.ftpd.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Memory of a server under test, read from Linux's /proc: the process and all its descendants, so that a
 * server with a process per session (vsftpd) is measured as a whole. Each process counts with its proportional
 * set size (PSS, /proc/PID/smaps_rollup) where readable, so pages shared between a parent and its children are
 * not counted once per child; otherwise with VmRSS from /proc/PID/status. For a single process both move
 * together. Elsewhere than Linux nothing is measured.
 */
final class ServerMemory {

    private ServerMemory() {
    }

    /** The process listening on {@code port} (TCP, any local address), found through its socket's inode. */
    static OptionalLong listenerOf(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : new String[] {"net/tcp", "net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(ProcessTree.PROC.resolve(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (f.length > 9 && f[3].equals("0A") && f[1].endsWith(String.format(":%04X", port))) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException e) {
                // no such table (no IPv6) or not Linux
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        for (long pid : ProcessTree.processes()) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(ProcessTree.PROC.resolve(pid + "/fd"))) {
                for (Path fd : fds) {
                    try {
                        if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                            return OptionalLong.of(pid);
                        }
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            } catch (IOException | SecurityException e) {
                // another user's process, or gone
            }
        }
        return OptionalLong.empty();
    }

    /** KiB held by {@code pid} and its descendants, or empty when the process cannot be read. */
    static OptionalLong kibOfTree(long pid) {
        OptionalLong own = kibOf(pid);
        if (own.isEmpty()) {
            return own;
        }
        long total = 0;
        for (long p : ProcessTree.selfAndDescendants(pid)) {
            total += kibOf(p).orElse(0);
        }
        return OptionalLong.of(total);
    }

    private static OptionalLong kibOf(long pid) {
        OptionalLong pss = field(ProcessTree.PROC.resolve(pid + "/smaps_rollup"), "Pss:");
        return pss.isPresent() ? pss : field(ProcessTree.PROC.resolve(pid + "/status"), "VmRSS:");
    }

    private static OptionalLong field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    String[] f = line.substring(name.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(f[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, not ours to read, or not Linux
        }
        return OptionalLong.empty();
    }

    /** Resolves a --pid / --server .../PID value: a number, {@code auto} (by port), or null. */
    static OptionalLong resolve(String pidSpec, int port) {
        if (pidSpec == null || pidSpec.isEmpty()) {
            return OptionalLong.empty();
        }
        if (pidSpec.toLowerCase(Locale.ROOT).equals("auto")) {
            return listenerOf(port);
        }
        return OptionalLong.of(Long.parseLong(pidSpec));
    }
}
