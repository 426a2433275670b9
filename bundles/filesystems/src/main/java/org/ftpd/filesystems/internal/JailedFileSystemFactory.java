package org.ftpd.filesystems.internal;

import java.io.IOException;
import org.ftpd.api.Account;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.FtpFileSystem;
import org.osgi.service.component.annotations.Component;

/**
 * The default filesystem service: each session sees its account's home folder ({@code file:} URI) as
 * {@code /}, jailed. A missing home folder is created.
 */
@Component(service = FileSystemFactory.class, property = FileSystemFactory.SCHEME_PROPERTY + "=file")
public final class JailedFileSystemFactory implements FileSystemFactory {

    private final HomeFolders homes = new HomeFolders();

    @Override
    public FtpFileSystem open(Account account) throws IOException {
        return new JailedFileSystem(homes.folder(account.home()));
    }
}
