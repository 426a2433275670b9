package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.TransferInfo;
import org.ftpd.protocol.internal.ServerStatistics;
import org.ftpd.protocol.internal.SessionMdc;
import org.ftpd.protocol.internal.SessionMdcHandler;
import org.ftpd.protocol.internal.TransferLog;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.command.CommandContext;
import org.ftpd.protocol.internal.session.FtpSession;
import org.ftpd.protocol.internal.session.TransferType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transfer over a data connection, from start to its final reply. Runs on the control connection's event
 * loop (the data channel is registered there too); file I/O goes through {@link #io}. The final reply comes
 * only after the data channel and the file are closed.
 */
public abstract class Transfer {

    /** What moves, which decides the events fired at the end. */
    public enum Kind {
        DOWNLOAD, UPLOAD, LISTING
    }

    protected static final FtpReply COMPLETE = FtpReply.of(226, "Transfer complete.");
    protected static final FtpReply BROKEN = FtpReply.of(426, "Connection closed; transfer aborted.");
    private static final FtpReply ABORTED = FtpReply.of(426, "Transfer aborted.");
    private static final FtpReply STALLED = FtpReply.of(426, "Data connection timed out; transfer aborted.");

    private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);

    protected final CommandContext ctx;
    protected final Channel data;
    private final String path;
    private final Kind kind;
    private final Closeable resource;
    private final CompletableFuture<FtpReply> result = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    protected long bytes;
    private boolean done;
    private boolean aborted;
    private boolean ioInFlight;
    private Runnable afterIo;

    protected Transfer(CommandContext ctx, Channel data, String path, Kind kind, Closeable resource) {
        this.ctx = ctx;
        this.data = data;
        this.path = path;
        this.kind = kind;
        this.resource = resource;
    }

    /** Starts moving data; the future completes on the loop with the final reply. */
    public final CompletableFuture<FtpReply> start() {
        ctx.session().transfer(this);
        data.attr(SessionMdc.ATTRIBUTE).set(ctx.session().mdc());
        data.pipeline().addFirst("mdc", SessionMdcHandler.INSTANCE);
        Duration stall = ctx.settings().dataTimeout();
        if (!stall.isZero()) {
            data.pipeline().addLast("stall", new IdleStateHandler(true, 0, 0, stall.toMillis(), TimeUnit.MILLISECONDS));
        }
        DataRates.install(ctx, data);
        data.pipeline().addLast("transfer", new DataChannelHandler(this));
        if (kind != Kind.UPLOAD) {
            // PROT P: what TLS held back goes ahead of the data (an upload's waits for the close)
            TlsTicketHold.release(data);
        }
        begin();
        return result;
    }

    protected abstract void begin();

    /** Data arrived; senders do not expect any. */
    protected void received(ByteBuf message) {
        message.release();
    }

    protected void readComplete() {
    }

    protected void writable() {
    }

    /** The data connection closed: for a sender that is before the end, so the transfer broke. */
    protected void dataClosed() {
        finish(false, BROKEN);
    }

    protected void dataFailed(Throwable cause) {
        LOG.debug("data connection of {} failed: {}", ctx.session(), cause.toString());
        data.close();
    }

    protected void stalled() {
        LOG.info("{}: data connection stalled, aborting the transfer of {}", ctx.session(), path);
        finish(false, STALLED);
    }

    /** ABOR, or the control connection went away. */
    public void abort() {
        aborted |= !done;
        finish(false, ABORTED);
    }

    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the transfer has been running (STAT reports it). */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Bytes moved over the data connection so far. */
    public long bytes() {
        return bytes;
    }

    protected final boolean done() {
        return done;
    }

    /** Blocking file work, off the loop; the transfer waits for it before closing the file. */
    protected final <T> CompletableFuture<T> io(Callable<T> work) {
        ioInFlight = true;
        return ctx.blocking(work).whenComplete((v, e) -> {
            ioInFlight = false;
            Runnable next = afterIo;
            afterIo = null;
            if (next != null) {
                next.run();
            }
        });
    }

    /** Written to the file just before it is closed (off the loop). */
    protected void beforeClose(boolean complete) throws IOException {
    }

    /** Releases buffers still held (on the loop). */
    protected void released() {
    }

    /** Ends the transfer once: closes the data channel and the file, fires the event, completes the reply. */
    protected final void finish(boolean complete, FtpReply reply) {
        if (done) {
            return;
        }
        done = true;
        data.close();
        Runnable closing = () -> ctx.blocking(() -> {
            try {
                beforeClose(complete);
            } finally {
                if (resource != null) {
                    resource.close();
                }
            }
            return null;
        }).whenComplete((v, error) -> ended(complete, reply, error));
        if (ioInFlight) {
            afterIo = closing;
        } else {
            closing.run();
        }
    }

    private void ended(boolean complete, FtpReply reply, Throwable closeError) {
        boolean ok = complete;
        FtpReply finalReply = reply;
        if (closeError != null) {
            if (!complete) {
                LOG.warn("{}: closing {} failed", ctx.session(), path, closeError);
            } else {
                ok = false;
                finalReply = org.ftpd.protocol.internal.command.FileErrors.transferFailure(closeError, ctx.session(),
                        FtpReply.of(451, "Requested action aborted: error closing the file."));
            }
        }
        released();
        FtpSession session = ctx.session();
        if (session.transfer() == this) {
            session.transfer(null);
        }
        count(ok);
        fireEvent(session.snapshot(), ok);
        result.complete(finalReply);
    }

    private void count(boolean complete) {
        if (kind == Kind.LISTING) {
            return;
        }
        ctx.server().statistics().fileTransferEnded(kind == Kind.UPLOAD, bytes, complete
                ? ServerStatistics.Outcome.COMPLETE
                : aborted ? ServerStatistics.Outcome.ABORTED : ServerStatistics.Outcome.FAILED);
    }

    private void fireEvent(SessionInfo session, boolean complete) {
        if (kind == Kind.LISTING) {
            return;
        }
        TransferInfo info = new TransferInfo(path, bytes, Duration.ofNanos(System.nanoTime() - startNanos), complete);
        TransferLog.record(session, info, kind == Kind.UPLOAD, ctx.session().type() == TransferType.ASCII);
        if (kind == Kind.DOWNLOAD) {
            ctx.server().events().fire(complete ? "file sent" : "incomplete file sent",
                    l -> {
                        if (complete) {
                            l.onFileSent(session, info);
                        } else {
                            l.onIncompleteFileSent(session, info);
                        }
                    });
        } else {
            ctx.server().events().fire(complete ? "file received" : "incomplete file received",
                    l -> {
                        if (complete) {
                            l.onFileReceived(session, info);
                        } else {
                            l.onIncompleteFileReceived(session, info);
                        }
                    });
        }
    }
}
