package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletionStage;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.ServerContext;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.FtpSession;

/**
 * One FTP verb. The dispatcher knows nothing about any verb: it looks the handler up, checks
 * {@link #needsLogin()}, and sends the final reply the handler's stage completes with.
 */
public interface Command {

    /** The verb in upper case, e.g. {@code RETR}. */
    String verb();

    /** The permission letter the command needs on its target, or null when it needs none. */
    Permission permission();

    /** Whether the command is refused with 530 before login. */
    boolean needsLogin();

    /** Whether the command runs while a transfer is in progress (ABOR, STAT, QUIT) instead of waiting. */
    default boolean runsDuringTransfer() {
        return false;
    }

    /** Whether the command moves data over a data connection (RETR, STOR, LIST...): ABOR may stop it. */
    default boolean transfersData() {
        return false;
    }

    /** The line this command adds to FEAT (without the leading space), or null. */
    default String feature() {
        return null;
    }

    /**
     * The FEAT line as {@code session} sees it, for features whose line shows a per-session choice (MLST facts,
     * the HASH algorithm); {@link #feature()} unless overridden.
     */
    default String feature(FtpSession session) {
        return feature();
    }

    /**
     * Whether the command can work on this server now; FEAT leaves out the features of those that cannot (AUTH,
     * PBSZ and PROT without a TLS provider).
     */
    default boolean available(ServerContext server) {
        return true;
    }

    /** The syntax shown by HELP, e.g. {@code RETR <SP> file-name}. */
    String help();

    /**
     * Runs the command on the session's event loop. Blocking work goes through
     * {@link CommandContext#blocking}; the stage completes (on the loop) with the final reply.
     *
     * @throws ReplyException to answer at once with an error reply
     */
    CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException;
}
