/**
 * The service contracts of pyftpd-java: who may log in ({@link org.ftpd.api.Authorizer}), what they see
 * ({@link org.ftpd.api.FileSystemFactory}), how TLS is set up ({@link org.ftpd.api.TlsContextProvider}) and
 * what other bundles hear about ({@link org.ftpd.api.FtpEventListener}, {@link org.ftpd.api.SiteCommand},
 * {@link org.ftpd.api.AccountListener}) and what operators may see and do on a running server
 * ({@link org.ftpd.api.FtpServerControl}).
 */
@Version("1.5.0")
@Export
package org.ftpd.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
