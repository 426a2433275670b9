/**
 * Embedding API of the pyftpd-java engine: build an {@link org.ftpd.protocol.FtpServer} from
 * {@link org.ftpd.protocol.ServerSettings}, authorizers and filesystem factories, with or without OSGi.
 */
@Version("1.0.0")
@Export
package org.ftpd.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
