package org.ftpd.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.osgi.service.cm.ConfigurationAdmin;

/** ftp:user-passwd: asks for a new password (never echoed) and stores its hash. */
@Command(scope = "ftp", name = "user-passwd", description = "Changes an FTP user's password (asks for it).")
@Service
public class UserPasswdCommand implements Action {

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "The login name.")
    String name;

    @Override
    public Object execute() throws Exception {
        UserConfigurations users = new UserConfigurations(configAdmin);
        if (users.find(name) == null) {
            throw new IllegalArgumentException("no user " + name);
        }
        String hash = PasswordHash.hash(PasswordPrompt.askTwice(session, name));
        users.setPassword(name, hash);
        session.getConsole().println("Password of " + name + " changed.");
        return null;
    }
}
