package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.SessionInfo;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.FtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REIN (RFC 959): logs the user out and puts the session back as it was after the greeting (type, data
 * connection, REST, RNFR, EPSV ALL, MLST facts, HASH algorithm); the connection stays open for a new USER.
 * A transfer in progress finishes first (REIN waits its turn like any command). Failed logins still count.
 */
final class ReinCommand extends BaseCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ReinCommand.class);

    ReinCommand() {
        super("REIN", null, false, "REIN (flush account).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        refuseArgument(argument);
        FtpSession session = ctx.session();
        if (session.loggedIn()) {
            SessionInfo before = session.snapshot();
            String user = session.userName();
            ctx.server().events().fire("logout", l -> l.onLogout(before));
            ctx.server().releaseUserSession(user);
            FtpFileSystem view = session.logout();
            ctx.blocking(() -> {
                view.close();
                return null;
            }).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.debug("{}: closing the filesystem view failed", session, e);
                }
            });
            LOG.info("{}: {} logged out (REIN)", session, user);
        }
        session.reinitialize();
        return reply(220, "Service ready for new user.");
    }
}
