package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an account's home URI into a folder of the default filesystem, creating it the first time. */
final class HomeFolders {

    private static final Logger LOG = LoggerFactory.getLogger(HomeFolders.class);

    private final Set<Path> created = ConcurrentHashMap.newKeySet();

    /**
     * The folder for {@code home}: a {@code file:} URI ({@code file:/srv/ftp/alice}) or a URI without scheme
     * holding an absolute path.
     *
     * @throws IOException when the URI names no absolute local folder or the folder cannot be created
     */
    Path folder(URI home) throws IOException {
        Path path = toPath(home);
        if (!Files.isDirectory(path)) {
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw new IOException("cannot create the home folder " + path + ": " + e, e);
            }
            if (created.add(path)) {
                LOG.info("Created home folder {}", path);
            }
        }
        return path;
    }

    static Path toPath(URI home) throws IOException {
        String scheme = home.getScheme();
        try {
            if (scheme == null) {
                Path path = Paths.get(home.getPath() == null ? home.toString() : home.getPath());
                if (!path.isAbsolute()) {
                    throw new IOException("the home " + home + " is not an absolute path");
                }
                return path.normalize();
            }
            if (!"file".equals(scheme.toLowerCase(Locale.ROOT))) {
                throw new IOException("the home " + home + " is not a file: URI");
            }
            if (home.isOpaque() || home.getPath() == null || home.getPath().isEmpty()) {
                throw new IOException("the home " + home + " is not an absolute file: URI (write file:/srv/ftp/name)");
            }
            return Paths.get(home).normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            throw new IOException("the home " + home + " names no local folder: " + e.getMessage(), e);
        }
    }
}
