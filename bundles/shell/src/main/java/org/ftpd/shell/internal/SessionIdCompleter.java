package org.ftpd.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.ftpd.api.FtpServerControl;

/** Tab completion of ftp:kick's session id: the ids of the sessions open now. */
@Service
public class SessionIdCompleter implements Completer {

    @Reference(optional = true)
    FtpServerControl control;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        FtpServerControl server = control;
        if (server != null) {
            server.sessions().forEach(s -> ids.getStrings().add(s.session().id()));
        }
        return ids.complete(session, commandLine, candidates);
    }
}
