package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Locale;
import org.ftpd.api.InsufficientStorageException;
import org.ftpd.api.QuotaExceededException;

/**
 * Rewrites {@code java.nio.file} exceptions so that they name virtual paths only: the client (and the engine's
 * log) must never learn where the jail lives.
 */
final class VirtualErrors {

    private final String realRoot;

    VirtualErrors(Path realRoot) {
        this.realRoot = realRoot.toString();
    }

    /** The same kind of exception, about {@code virtual}. */
    IOException translate(IOException e, String virtual) {
        return translate(e, virtual, null, null);
    }

    /**
     * The same kind of exception for a two-path operation: {@code realOther} tells which virtual path the
     * original exception meant when it names the second file.
     */
    IOException translate(IOException e, String virtual, Path realOther, String virtualOther) {
        String file = virtual;
        String other = virtualOther;
        if (e instanceof FileSystemException fse && realOther != null && realOther.toString().equals(fse.getFile())) {
            file = virtualOther;
            other = virtual;
        }
        String reason = e instanceof FileSystemException fse ? clean(fse.getReason()) : clean(e.getMessage());
        IOException translated;
        if (e instanceof QuotaExceededException || isQuotaExceeded(reason)) {
            translated = new QuotaExceededException(file, reason);
        } else if (e instanceof InsufficientStorageException || isDiskFull(reason)) {
            translated = new InsufficientStorageException(file, reason);
        } else if (e instanceof NoSuchFileException) {
            translated = new NoSuchFileException(file, other, reason);
        } else if (e instanceof AccessDeniedException || e instanceof FileSystemLoopException) {
            translated = new AccessDeniedException(file, other, reason);
        } else if (e instanceof FileAlreadyExistsException) {
            translated = new FileAlreadyExistsException(file, other, reason);
        } else if (e instanceof DirectoryNotEmptyException) {
            translated = new DirectoryNotEmptyException(file);
        } else if (e instanceof NotDirectoryException) {
            translated = new NotDirectoryException(file);
        } else if (e instanceof NotLinkException) {
            translated = new NotLinkException(file, other, reason);
        } else if (e instanceof AtomicMoveNotSupportedException) {
            translated = new AtomicMoveNotSupportedException(file, other, reason);
        } else {
            translated = new FileSystemException(file, other, reason == null ? e.getClass().getSimpleName() : reason);
        }
        return translated;
    }

    /**
     * The operating system's ENOSPC text (Linux, macOS, Windows) or Jimfs's: the JDK has no exception type for a
     * full disk, only the message.
     */
    static boolean isDiskFull(String reason) {
        if (reason == null) {
            return false;
        }
        String text = reason.toLowerCase(Locale.ROOT);
        return text.contains("no space left on device") || text.contains("not enough space on the disk")
                || text.contains("out of disk space");
    }

    /** The operating system's EDQUOT text. */
    static boolean isQuotaExceeded(String reason) {
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("disk quota exceeded");
    }

    /** A reason text without the real root in it (some providers put paths into messages). */
    private String clean(String reason) {
        if (reason == null || realRoot.length() <= 1) {
            return reason;
        }
        return reason.replace(realRoot, "");
    }
}
