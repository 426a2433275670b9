package org.ftpd.filesystems.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-memory trees for {@code memory:} homes, one per URI authority: {@code memory:/alice} and
 * {@code memory:/bob} share the default tree, {@code memory://demo/carol} lives in tree {@code demo}. A tree
 * lives as long as the filesystems component (a restart of the bundle empties it) and holds at most
 * {@code memory.max.bytes} as it was when the tree was made.
 */
final class MemoryTrees implements Closeable {

    static final String SCHEME = "memory";
    private static final Logger LOG = LoggerFactory.getLogger(MemoryTrees.class);

    private final Map<String, FileSystem> trees = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * The home folder {@code home} names, created the first time.
     *
     * @throws IOException when the URI names no absolute path, or Jimfs is not installed
     */
    Path folder(URI home, long maxBytes) throws IOException {
        if (home.isOpaque() || home.getPath() == null || !home.getPath().startsWith("/")) {
            throw new IOException("the home " + home + " is not an absolute memory: URI (write memory:/name)");
        }
        String name = home.getAuthority() == null ? "" : home.getAuthority().toLowerCase(Locale.ROOT);
        FileSystem tree = tree(name, maxBytes);
        Path folder;
        try {
            folder = tree.getPath(home.getPath()).normalize();
        } catch (InvalidPathException e) {
            throw new IOException("the home " + home + " is not a valid path: " + e.getReason(), e);
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        return folder;
    }

    private FileSystem tree(String name, long maxBytes) throws IOException {
        if (closed) {
            throw new IOException("the memory filesystems are closed");
        }
        try {
            return trees.computeIfAbsent(name, n -> {
                FileSystem tree = JimfsTrees.newTree(maxBytes);
                LOG.info("Created memory filesystem tree '{}' of at most {} bytes", n.isEmpty() ? "default" : n,
                        maxBytes);
                return tree;
            });
        } catch (NoClassDefFoundError e) {
            throw new IOException("memory: homes need the Jimfs bundle (com.google.jimfs) and Guava installed", e);
        }
    }

    /** Whether Jimfs can be loaded here. */
    static boolean available() {
        try {
            Class.forName("com.google.common.jimfs.Jimfs", false, MemoryTrees.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Drops every tree and what it held. */
    @Override
    public void close() {
        closed = true;
        for (FileSystem tree : trees.values()) {
            try {
                tree.close();
            } catch (IOException e) {
                LOG.debug("closing a memory tree", e);
            }
        }
        trees.clear();
    }
}
