package org.ftpd.authorizers.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The JAAS authorizer (PID {@value #PID}, file {@code etc/org.ftpd.jaas.cfg}); describes the keys for metatype. */
@ObjectClassDefinition(id = JaasConfiguration.PID, name = "pyftpd-java JAAS authorizer",
        description = "FTP logins checked against a Karaf JAAS realm (active while etc/org.ftpd.jaas.cfg exists).")
public @interface JaasConfiguration {

    String PID = "org.ftpd.jaas";
    String DEFAULT_REALM = "karaf";
    String DEFAULT_ROLE = "ftp";
    String DEFAULT_ROLE_PERM = "ftp-write=elradfmwMT,ftp=elr";
    String DEFAULT_HOME_BASE = "${karaf.base}/ftp/users";

    @AttributeDefinition(name = "Realm", description = "The JAAS realm to log in against (Karaf's is 'karaf').")
    String realm() default DEFAULT_REALM;

    @AttributeDefinition(name = "Role", description = "Only users with this role may log in over FTP.")
    String role() default DEFAULT_ROLE;

    @AttributeDefinition(name = "Permissions by role", description = "Comma-separated role=letters; of the roles "
            + "a user has, the one granting the most letters wins; none matching: elr.")
    String role_perm() default DEFAULT_ROLE_PERM;

    @AttributeDefinition(name = "Home base", description = "Folder of the homes: each user's home is <base>/<user> "
            + "(created when missing). ${karaf.base} is replaced.")
    String home_base() default DEFAULT_HOME_BASE;
}
