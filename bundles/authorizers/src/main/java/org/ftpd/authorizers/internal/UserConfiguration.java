package org.ftpd.authorizers.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One FTP user: factory PID {@value #PID}, a file {@code etc/org.ftpd.user-<name>.cfg} each. Describes the keys
 * for metatype; {@link UserConfigParser} reads and validates the raw values.
 */
@ObjectClassDefinition(id = "org.ftpd.user", name = "pyftpd-java user", description = "One FTP user (one etc/org.ftpd.user-<name>.cfg each).")
public @interface UserConfiguration {

    String PID = "org.ftpd.user";
    String DEFAULT_PERM = "elr";

    @AttributeDefinition(name = "Name", description = "Login name. Default: the part of the file name after "
            + "'org.ftpd.user-'. The name 'anonymous' logs in with any password and is always read-only.",
            required = false)
    String name();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "A $pbkdf2-sha256$<iterations>$<salt>$<hash> hash. A plain password (not starting with "
                    + "'$') works and is replaced by its hash in this file on first load.")
    String password();

    @AttributeDefinition(name = "Home", description = "Home folder: a file: URI (file:/srv/ftp/alice) or a path; "
            + "a relative path is taken from ${karaf.base}. Created when missing.")
    String home();

    @AttributeDefinition(name = "Permissions", required = false,
            description = "pyftpdlib's letters: e=cd l=list r=retrieve a=append d=delete f=rename m=mkdir "
                    + "w=store M=chmod T=set time")
    String perm() default DEFAULT_PERM;

    @AttributeDefinition(name = "Permission overrides", required = false,
            description = "Comma-separated /dir=letters (that directory and the files in it) or /dir/**=letters "
                    + "(and everything below it); the deepest match wins.")
    String[] perm_override() default {};

    @AttributeDefinition(name = "Login message", required = false, description = "Text sent with the 230 reply.")
    String msg_login() default "";

    @AttributeDefinition(name = "Quit message", required = false, description = "Text sent with the 221 reply.")
    String msg_quit() default "";

    @AttributeDefinition(name = "Enabled", required = false, description = "false refuses this user's logins.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Maximum sessions", required = false, min = "0",
            description = "Sessions this user may have at once; 0 = no limit of its own.")
    int max_sessions() default 0;

    @AttributeDefinition(name = "Read limit", required = false,
            description = "Bytes per second this user's sessions may each upload, e.g. 512k or 10m (0: none of its "
                    + "own); the stricter of this and the server's read.limit applies.")
    String read_limit() default "0";

    @AttributeDefinition(name = "Write limit", required = false,
            description = "Bytes per second this user's sessions may each download, e.g. 512k or 10m (0: none of "
                    + "its own); the stricter of this and the server's write.limit applies.")
    String write_limit() default "0";
}
