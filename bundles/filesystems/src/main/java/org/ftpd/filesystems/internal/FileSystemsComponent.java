package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftpd.api.Account;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.FtpFileSystem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filesystem service for {@code file:} and {@code memory:} homes, configured by PID {@code org.ftpd.fs}
 * (etc/org.ftpd.fs.cfg, optional). A change applies to sessions that log in afterwards; a bad value is logged
 * with its key, value and reason, and the last good value stays in force.
 */
@Component(name = FsSettings.PID, configurationPid = FsSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = FileSystemFactory.class,
        property = {FileSystemFactory.SCHEME_PROPERTY + "=" + HomeViews.FILE_SCHEME,
            FileSystemFactory.SCHEME_PROPERTY + "=" + MemoryTrees.SCHEME})
@Designate(ocd = FileSystemsComponent.Config.class)
public final class FileSystemsComponent implements FileSystemFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemsComponent.class);

    /** Metatype of PID {@code org.ftpd.fs}; the component reads the raw properties, not this type. */
    @ObjectClassDefinition(id = FsSettings.PID, name = "pyftpd-java filesystems",
            description = "How sessions write to their homes: umask, atomic uploads, broken uploads, quota, "
                    + "and the size of in-memory (memory:) trees.")
    @interface Config {

        @AttributeDefinition(name = "Umask", required = false, description = "Octal bits cleared from the mode "
                + "of new files (0666) and directories (0777), e.g. 022; empty: the process's own umask. "
                + "A user's own 'umask' key wins.")
        String umask() default "";

        @AttributeDefinition(name = "Atomic uploads", description = "STOR/STOU write a hidden temporary file "
                + "and rename it onto the target when the upload completes, so readers never see half a file; "
                + "a failed upload leaves the target untouched.")
        boolean upload_atomic() default false;

        @AttributeDefinition(name = "Partial uploads", options = {
            @org.osgi.service.metatype.annotations.Option(label = "keep (for REST resume)", value = "keep"),
            @org.osgi.service.metatype.annotations.Option(label = "delete", value = "delete")},
                description = "What a broken in-place upload leaves: keep what arrived, or delete it (a new or "
                        + "replaced file is removed, an appended or resumed one cut back).")
        String upload_partial() default FsSettings.PARTIAL_KEEP;

        @AttributeDefinition(name = "Quota", description = "Most bytes a home may hold (suffixes k, m, g, t); "
                + "0: no quota. A user's own 'quota.bytes' key wins.")
        String quota_bytes() default "0";

        @AttributeDefinition(name = "Memory tree size", description = "Most bytes each memory: tree holds "
                + "(suffixes k, m, g); applies to trees made after the change.")
        String memory_max_bytes() default "64m";
    }

    private final HomeViews views = new HomeViews();

    @Activate
    void activate(Map<String, Object> properties) {
        configure(properties);
        if (!MemoryTrees.available()) {
            LOG.info("{}: memory: homes are unavailable (install the com.google.jimfs bundle and Guava)",
                    FsSettings.PID);
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        configure(properties);
    }

    @Deactivate
    void deactivate() {
        views.close();
    }

    private void configure(Map<String, Object> properties) {
        List<FsSettings.Problem> problems = new ArrayList<>();
        FsSettings settings = FsSettings.parse(properties, views.settings(), problems);
        problems.forEach(p -> LOG.warn("{}", p));
        views.settings(settings);
        LOG.info("{}: umask {}, atomic uploads {}, partial uploads {}, quota {}, memory trees of {} bytes",
                FsSettings.PID, FsSettings.describeUmask(settings.umask()), settings.atomicUploads(),
                settings.keepPartial() ? FsSettings.PARTIAL_KEEP : FsSettings.PARTIAL_DELETE,
                settings.quotaBytes() == 0 ? "none" : settings.quotaBytes() + " bytes", settings.memoryMaxBytes());
    }

    @Override
    public FtpFileSystem open(Account account) throws IOException {
        return views.open(account);
    }
}
