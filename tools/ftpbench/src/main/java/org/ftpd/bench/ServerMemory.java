package org.ftpd.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Memory of a server under test, read from Linux's /proc: the process and all its descendants, so that a
 * server with a process per session (vsftpd) is measured as a whole. Each process counts with its proportional
 * set size (PSS, /proc/PID/smaps_rollup) where readable, so pages shared between a parent and its children are
 * not counted once per child; otherwise with VmRSS from /proc/PID/status. For a single process both move
 * together. Elsewhere than Linux nothing is measured.
 */
final class ServerMemory {

    private static final Path PROC = Paths.get("/proc");

    private ServerMemory() {
    }

    /** The process listening on {@code port} (TCP, any local address), found through its socket's inode. */
    static OptionalLong listenerOf(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : new String[] {"net/tcp", "net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(table))) {
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
        for (long pid : processes()) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
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
        Map<Long, List<Long>> children = new HashMap<>();
        for (long p : processes()) {
            long parent = parentOf(p);
            if (parent > 0) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
            }
        }
        OptionalLong own = kibOf(pid);
        if (own.isEmpty()) {
            return own;
        }
        long total = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            long p = todo.pop();
            total += kibOf(p).orElse(0);
            todo.addAll(children.getOrDefault(p, List.of()));
        }
        return OptionalLong.of(total);
    }

    private static OptionalLong kibOf(long pid) {
        OptionalLong pss = field(PROC.resolve(pid + "/smaps_rollup"), "Pss:");
        return pss.isPresent() ? pss : field(PROC.resolve(pid + "/status"), "VmRSS:");
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

    /** The parent pid from /proc/PID/stat, whose second field (the name) may itself hold spaces. */
    private static long parentOf(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(PROC)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return pids;
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
