package org.ftpd.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.ftpd.api.FtpServerControl;

/**
 * ftp:kick: closes a session (the client gets 421 and the connection closes; a transfer in progress is broken off
 * and logged as incomplete), or every session of a user.
 */
@Command(scope = "ftp", name = "kick", description = "Closes an FTP session by id (see ftp:sessions), or all of "
        + "a user's sessions with --user.")
@Service
public class KickCommand implements Action {

    @Reference(optional = true)
    FtpServerControl control;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = false, description = "The session id, as ftp:sessions shows it.")
    @Completion(SessionIdCompleter.class)
    String id;

    @Option(name = "--user", aliases = "-u", description = "Close every session of this user instead.")
    String user;

    @Option(name = "--reason", aliases = "-r", description = "Text of the 421 reply the client gets.")
    String reason;

    @Override
    public Object execute() {
        if (control == null) {
            session.getConsole().println(ServerConsole.NOT_RUNNING);
            return null;
        }
        session.getConsole().println(kick(control, id, user, reason));
        return null;
    }

    static String kick(FtpServerControl control, String id, String user, String reason) {
        if ((id == null) == (user == null)) {
            throw new IllegalArgumentException("give either a session id or --user <name>");
        }
        if (id != null) {
            if (!control.closeSession(id, reason)) {
                throw new IllegalArgumentException("no open session " + id);
            }
            return "Session " + id + " closed.";
        }
        int closed = control.closeSessionsOf(user, reason);
        return closed == 0 ? "User " + user + " has no open session."
                : "Closed " + closed + (closed == 1 ? " session" : " sessions") + " of user " + user + ".";
    }
}
