package org.ftpd.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.ftpd.api.FtpServerControl;
import org.ftpd.api.LiveSession;

/** ftp:sessions: the open control connections, with user, remote address, age, idle time and transfer. */
@Command(scope = "ftp", name = "sessions", description = "Lists the open FTP sessions.")
@Service
public class SessionsCommand implements Action {

    @Reference(optional = true)
    FtpServerControl control;

    @Reference
    Session session;

    @Option(name = "--user", aliases = "-u", description = "Only the sessions of this user.")
    String user;

    @Override
    public Object execute() {
        if (control == null) {
            session.getConsole().println(ServerConsole.NOT_RUNNING);
            return null;
        }
        ServerConsole.printSessions(control.sessions().stream()
                .filter((LiveSession s) -> user == null || user.equals(s.session().userName())).toList(),
                session.getConsole());
        return null;
    }
}
