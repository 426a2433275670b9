package org.ftpd.protocol.internal.command;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.ftpd.api.InsufficientStorageException;
import org.ftpd.api.QuotaExceededException;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what a command threw into the reply the client gets; never shows a real path. */
public final class FileErrors {

    private static final Logger LOG = LoggerFactory.getLogger(FileErrors.class);

    private FileErrors() {
    }

    /** Strips the wrappers CompletableFuture adds. */
    public static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static FtpReply reply(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof ReplyException r) {
            return r.reply();
        }
        String where = where(t);
        if (t instanceof NoSuchFileException || t instanceof AccessDeniedException
                || t instanceof FileAlreadyExistsException || t instanceof DirectoryNotEmptyException
                || t instanceof NotDirectoryException) {
            // the client asked for something impossible: worth a line when debugging, not in the normal log
            LOG.debug("filesystem refused: {}", t.toString());
        }
        if (t instanceof NoSuchFileException) {
            return FtpReply.of(550, where + "No such file or directory.");
        }
        if (t instanceof AccessDeniedException) {
            return FtpReply.of(550, where + "Permission denied.");
        }
        if (t instanceof FileAlreadyExistsException) {
            return FtpReply.of(550, where + "File exists.");
        }
        if (t instanceof DirectoryNotEmptyException) {
            return FtpReply.of(550, where + "Directory not empty.");
        }
        if (t instanceof NotDirectoryException) {
            return FtpReply.of(550, where + "Not a directory.");
        }
        if (t instanceof QuotaExceededException || t instanceof InsufficientStorageException) {
            return storageReply(t, where);
        }
        if (t instanceof InvalidPathException) {
            return FtpReply.of(553, "File name not allowed.");
        }
        if (t instanceof FileSystemException fse && fse.getReason() != null && !where.isEmpty()) {
            LOG.info("filesystem operation failed: {}", fse.getMessage());
            return FtpReply.of(550, where + fse.getReason() + ".");
        }
        if (t instanceof java.io.IOException) {
            LOG.info("filesystem operation failed: {}", t.toString());
            return FtpReply.of(550, where + "Requested action not taken.");
        }
        LOG.warn("command failed unexpectedly", t);
        return FtpReply.of(451, "Requested action aborted: local error in processing.");
    }

    /**
     * The final reply of an upload that failed while writing or closing the file: 552 over quota, 452 disk
     * full, else {@code otherwise}. Logs the failure once.
     */
    public static FtpReply transferFailure(Throwable thrown, Object session, FtpReply otherwise) {
        Throwable t = unwrap(thrown);
        if (t instanceof QuotaExceededException || t instanceof InsufficientStorageException) {
            LOG.info("{}: {}", session, t.getMessage());
            return storageReply(t, where(t));
        }
        LOG.warn("{}: transfer failed", session, t);
        return otherwise;
    }

    private static FtpReply storageReply(Throwable t, String where) {
        return t instanceof QuotaExceededException
                ? FtpReply.of(552, where + "Exceeded storage allocation.")
                : FtpReply.of(452, where + "Insufficient storage space.");
    }

    /** {@code "<virtual path>: "} when the exception names one (the filesystem contract: never a real path). */
    private static String where(Throwable t) {
        if (t instanceof FileSystemException fse && fse.getFile() != null && fse.getFile().startsWith("/")) {
            return fse.getFile() + ": ";
        }
        return "";
    }
}
