package org.ftpd.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.ftpd.api.FtpServerControl;

/** ftp:status: where the server listens and its counters since it started. */
@Command(scope = "ftp", name = "status", description = "Shows where the FTP server listens and its counters.")
@Service
public class StatusCommand implements Action {

    @Reference(optional = true)
    FtpServerControl control;

    @Reference
    Session session;

    @Override
    public Object execute() {
        if (control == null) {
            session.getConsole().println(ServerConsole.NOT_RUNNING);
            return null;
        }
        ServerConsole.printStatus(control, session.getConsole(), Instant.now());
        return null;
    }
}
