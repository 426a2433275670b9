package org.ftpd.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** ftp:user-list: the configured users with home, permissions and state (never the password hash). */
@Command(scope = "ftp", name = "user-list", description = "Lists the FTP users of the org.ftpd.user configurations.")
@Service
public class UserListCommand implements Action {

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        print(new UserConfigurations(configAdmin), session.getConsole());
        return null;
    }

    static void print(UserConfigurations users, PrintStream out) throws java.io.IOException {
        out.printf("%-20s %-12s %-8s %s%n", "Name", "Perm", "Enabled", "Home");
        for (Configuration c : users.all()) {
            out.printf("%-20s %-12s %-8s %s%n", UserConfigurations.nameOf(c),
                    UserConfigurations.text(c, "perm", "elr"), UserConfigurations.text(c, "enabled", "true"),
                    UserConfigurations.text(c, "home", ""));
        }
    }
}
