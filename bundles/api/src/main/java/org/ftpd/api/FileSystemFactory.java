package org.ftpd.api;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens the per-session view of an account's home. Registered with the service property
 * {@value #SCHEME_PROPERTY} naming the URI scheme it serves ({@code file}, {@code memory}, ...).
 */
@ConsumerType
public interface FileSystemFactory {

    /** Service property: the scheme of {@link Account#home()} this factory serves. */
    String SCHEME_PROPERTY = "ftpd.fs.scheme";

    /**
     * {@link Account#property Account property}: {@code true} gives a trusted user the unjailed view, in which
     * virtual paths are the real absolute paths and the session starts in the home folder.
     *
     * @since 1.1
     */
    String UNJAILED = "unjailed";

    /**
     * {@link Account#property Account property}: octal bits (e.g. {@code 022}) cleared from the mode of the
     * files and directories the user creates, instead of the server's {@code umask}.
     *
     * @since 1.1
     */
    String UMASK = "umask";

    /**
     * {@link Account#property Account property}: the most bytes the user's home may hold ({@code 0}: no quota),
     * instead of the server's {@code quota.bytes}.
     *
     * @since 1.1
     */
    String QUOTA_BYTES = "quota.bytes";

    /**
     * Opens a view whose root {@code /} is the account's home.
     *
     * @throws IOException when the home cannot be reached
     */
    FtpFileSystem open(Account account) throws IOException;
}
