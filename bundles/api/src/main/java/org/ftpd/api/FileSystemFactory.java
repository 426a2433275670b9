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
     * Opens a view whose root {@code /} is the account's home.
     *
     * @throws IOException when the home cannot be reached
     */
    FtpFileSystem open(Account account) throws IOException;
}
