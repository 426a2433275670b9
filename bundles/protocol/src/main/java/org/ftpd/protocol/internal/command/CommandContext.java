package org.ftpd.protocol.internal.command;

import io.netty.channel.Channel;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.ServerContext;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.FtpSession;
import org.ftpd.protocol.internal.tls.TlsEngines;

/** What a {@link Command} may use while it runs. Every method is called on the session's event loop. */
public interface CommandContext {

    FtpSession session();

    /** The server's current settings (a reconfiguration applies to the next command). */
    ServerSettings settings();

    ServerContext server();

    /** The control channel. */
    Channel channel();

    /** Sends a preliminary reply (1xx) now; the final one is what the command's stage completes with. */
    void send(FtpReply reply);

    /** Runs blocking work off the event loop; the future completes back on the loop. */
    <T> CompletableFuture<T> blocking(Callable<T> work);

    /** Whether a command that moves data (see {@link Command#transfersData()}) is running. */
    boolean transferCommandRunning();

    /**
     * Completes after the final reply of the command running before this one has been written (at once when
     * none runs). ABOR and QUIT use it to answer after a transfer ends.
     */
    CompletableFuture<Void> whenPreviousCommandDone();

    /**
     * AUTH: protects the control connection with {@code engine}. What the client sent behind the command and
     * no command has run for yet is dropped; the command's own reply still goes out in clear.
     */
    void startTls(TlsEngines.ControlEngine engine);

    /**
     * CCC: the control connection goes back to clear after the command's (protected) reply. What the client
     * sent behind the command is dropped.
     */
    void stopTls();
}
