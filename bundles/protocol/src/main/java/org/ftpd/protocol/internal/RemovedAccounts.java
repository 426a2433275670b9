package org.ftpd.protocol.internal;

import java.util.function.Supplier;
import org.ftpd.api.AccountListener;
import org.ftpd.api.Authorizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears from authorizers that an account is gone and, when {@code removed.user.sessions = close}, ends the
 * sessions that logged in to it through that authorizer. New logins need nothing from here: the authorizer no
 * longer admits the user.
 */
public final class RemovedAccounts implements AccountListener {

    private static final Logger LOG = LoggerFactory.getLogger(RemovedAccounts.class);
    static final String REPLY = "Your account is no longer available; closing the connection.";

    private final Supplier<ServerContext> running;

    /** @param running the running server's context, or null while it is stopped */
    public RemovedAccounts(Supplier<ServerContext> running) {
        this.running = running;
    }

    @Override
    public void accountRemoved(Authorizer authorizer, String userName, String reason) {
        ServerContext context = running.get();
        if (context == null || userName == null) {
            return;
        }
        int open = 0;
        for (SessionRegistry.Entry entry : context.sessions().all()) {
            if (userName.equals(entry.loggedInUser()) && (authorizer == null || entry.loggedInThrough() == authorizer)) {
                open++;
                if (context.settings().closeRemovedUserSessions()) {
                    ServerControl.close(entry, REPLY);
                }
            }
        }
        if (open == 0) {
            return;
        }
        if (context.settings().closeRemovedUserSessions()) {
            LOG.info("User {} removed ({}): closing {} open session(s)", userName, reason, open);
        } else {
            LOG.info("User {} removed ({}): {} open session(s) continue (removed.user.sessions = keep)", userName,
                    reason, open);
        }
    }
}
