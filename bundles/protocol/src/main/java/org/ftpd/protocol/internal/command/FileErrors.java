package org.ftpd.protocol.internal.command;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
        if (t instanceof NoSuchFileException) {
            return FtpReply.of(550, "No such file or directory.");
        }
        if (t instanceof AccessDeniedException) {
            return FtpReply.of(550, "Permission denied.");
        }
        if (t instanceof FileAlreadyExistsException) {
            return FtpReply.of(550, "File exists.");
        }
        if (t instanceof DirectoryNotEmptyException) {
            return FtpReply.of(550, "Directory not empty.");
        }
        if (t instanceof NotDirectoryException) {
            return FtpReply.of(550, "Not a directory.");
        }
        if (t instanceof InvalidPathException) {
            return FtpReply.of(553, "File name not allowed.");
        }
        if (t instanceof java.io.IOException) {
            LOG.debug("filesystem operation failed", t);
            return FtpReply.of(550, "Requested action not taken.");
        }
        LOG.warn("command failed unexpectedly", t);
        return FtpReply.of(451, "Requested action aborted: local error in processing.");
    }
}
