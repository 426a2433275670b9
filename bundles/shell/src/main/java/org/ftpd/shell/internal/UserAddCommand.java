package org.ftpd.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.osgi.service.cm.ConfigurationAdmin;

/** ftp:user-add: a new org.ftpd.user configuration; the password is asked for, hashed, and never echoed. */
@Command(scope = "ftp", name = "user-add", description = "Adds an FTP user (asks for the password).")
@Service
public class UserAddCommand implements Action {

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "The login name.")
    String name;

    @Option(name = "--home", description = "Home folder (a path, relative to ${karaf.base}, or a file: URI); "
            + "default ftp/users/<name>.")
    String home;

    @Option(name = "--perm", description = "Permission letters out of elradfmwMT (default elr, read-only).")
    String perm = "elr";

    @Override
    public Object execute() throws Exception {
        UserConfigurations.checkName(name);
        UserConfigurations users = new UserConfigurations(configAdmin);
        if (users.find(name) != null) {
            throw new IllegalArgumentException("user " + name + " exists already");
        }
        String hash = PasswordHash.hash(PasswordPrompt.askTwice(session, name));
        users.add(name, hash, home == null ? "ftp/users/" + name : home, perm);
        session.getConsole().println("User " + name + " added.");
        return null;
    }
}
