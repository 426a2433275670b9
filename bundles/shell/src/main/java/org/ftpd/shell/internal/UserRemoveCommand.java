package org.ftpd.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.osgi.service.cm.ConfigurationAdmin;

/** ftp:user-remove: deletes the user's configuration; its new logins are refused at once. */
@Command(scope = "ftp", name = "user-remove", description = "Removes an FTP user (its files stay).")
@Service
public class UserRemoveCommand implements Action {

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "The login name.")
    String name;

    @Override
    public Object execute() throws Exception {
        if (!new UserConfigurations(configAdmin).remove(name)) {
            throw new IllegalArgumentException("no user " + name);
        }
        session.getConsole().println("User " + name + " removed.");
        return null;
    }
}
