package org.ftpd.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A server's processes from Linux's /proc: the one given and every process below it. */
final class ProcessTree {

    static final Path PROC = Path.of("/proc");

    private ProcessTree() {
    }

    /** {@code pid} first, then its descendants (empty lists elsewhere than Linux). */
    static List<Long> selfAndDescendants(long pid) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (long p : processes()) {
            long parent = parentOf(p);
            if (parent > 0) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
            }
        }
        List<Long> tree = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            long p = todo.pop();
            tree.add(p);
            todo.addAll(children.getOrDefault(p, List.of()));
        }
        return tree;
    }

    /**
     * The fields of /proc/PID/stat after the name (whose parentheses may hold spaces): index 0 is the state,
     * 1 the parent, 11 to 14 utime, stime, cutime and cstime in clock ticks.
     */
    static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(PROC.resolve(pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    private static long parentOf(long pid) {
        try {
            return Long.parseLong(statFields(pid)[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static List<Long> processes() {
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
}
