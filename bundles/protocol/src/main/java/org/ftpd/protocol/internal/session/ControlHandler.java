package org.ftpd.protocol.internal.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.ftpd.api.Authorizer;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.LiveSession;
import org.ftpd.api.SessionInfo;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.ConnectionLimiter;
import org.ftpd.protocol.internal.ServerContext;
import org.ftpd.protocol.internal.SessionRegistry;
import org.ftpd.protocol.internal.SessionMdc;
import org.ftpd.protocol.internal.codec.ControlLineFramer;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.codec.FtpRequest;
import org.ftpd.protocol.internal.command.Command;
import org.ftpd.protocol.internal.command.CommandContext;
import org.ftpd.protocol.internal.command.FileErrors;
import org.ftpd.protocol.internal.command.ReplyException;
import org.ftpd.protocol.internal.data.Transfer;
import org.ftpd.protocol.internal.tls.TlsEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a control connection: admits it (connection limits), greets, and runs commands one at a
 * time in arrival order. Commands that arrive while one runs wait in a short queue (reading pauses when it is
 * full), except those that run during a transfer (ABOR, STAT, QUIT). It knows no verb: it looks handlers up in
 * the registry, checks login, and writes the reply each command completes with. A 221 or 421 reply closes the
 * connection (RFC 959 says both announce closing).
 *
 * <p>TLS: on the implicit port the channel starts with a TLS handler; AUTH and CCC switch it on and off through
 * {@link #startTls} and {@link #stopTls}, which first drop whatever the client sent but no command has run for
 * yet, so that nothing sent in clear runs protected, or the other way round (the STARTTLS injection class,
 * CVE-2011-1575).
 */
public final class ControlHandler extends SimpleChannelInboundHandler<FtpRequest>
        implements CommandContext, SessionRegistry.Entry {

    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);
    private static final int MAX_QUEUED = 16;
    private static final int MAX_OVERLONG_LINES = 3;

    private final ServerContext server;
    private final TlsEngines.ControlEngine implicitTls;
    private ChannelHandlerContext ctx;
    private FtpSession session;
    private IdleWatch idle;
    private LoginWatch login;
    private boolean admitted;
    private boolean closing;
    private boolean busy;
    private boolean transferCommandRunning;
    private int overlongLines;
    private boolean clearAfterReply;
    private boolean clearing;
    private final ArrayDeque<FtpRequest> queue = new ArrayDeque<>();
    private CompletableFuture<Void> currentDone = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> previousDone = currentDone;

    public ControlHandler(ServerContext server) {
        this(server, null);
    }

    /** @param implicitTls the engine of the implicit port's TLS handler, or null for a connection in clear */
    public ControlHandler(ServerContext server, TlsEngines.ControlEngine implicitTls) {
        this.server = server;
        this.implicitTls = implicitTls;
    }

    // ---- connection life cycle

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        InetSocketAddress remote = (InetSocketAddress) context.channel().remoteAddress();
        InetSocketAddress local = (InetSocketAddress) context.channel().localAddress();
        Duration ban = server.bans().banned(remote.getAddress());
        if (ban != null) {
            LOG.warn("refused connection from banned address {} ({} s of ban left)", remote.getAddress(),
                    Math.max(1, ban.toSeconds()));
            server.statistics().connectionRefused();
            closing = true;
            context.writeAndFlush(FtpReply.of(421, "Too many failed logins from your address; try again later."))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ConnectionLimiter.Refusal refusal = server.limiter().tryAcquire(remote.getAddress(), settings());
        if (refusal != null) {
            LOG.info("refused connection from {}: {}", remote, refusal.text());
            server.statistics().connectionRefused();
            closing = true;
            context.writeAndFlush(FtpReply.of(421, refusal.text())).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        admitted = true;
        session = new FtpSession(server.nextSessionId(), remote, local);
        // the MDC handler at the head of the pipeline clears it when channelActive returns
        context.channel().attr(SessionMdc.ATTRIBUTE).set(session.mdc());
        session.mdc().enter();
        if (implicitTls != null) {
            session.tls().started(implicitTls, true);
        }
        server.controlChannels().add(context.channel());
        server.statistics().sessionOpened();
        server.sessions().add(this);
        SessionInfo s = session.snapshot();
        server.events().fire("connect", l -> l.onConnect(s));
        LOG.debug("{}: connected", session);
        idle = new IdleWatch(context.channel(), () -> settings().idleTimeout(), () -> busy,
                this::idleTimedOut);
        idle.start();
        login = new LoginWatch(context.channel(), () -> settings().loginTimeout(), session::loggedIn,
                this::loginTimedOut);
        login.start();
        context.writeAndFlush(FtpReply.of(220, settings().banner()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        queue.clear();
        if (!admitted) {
            return;
        }
        idle.stop();
        login.stop();
        server.sessions().remove(this);
        server.statistics().sessionClosed();
        FtpSession s = session;
        Transfer transfer = s.transfer();
        if (transfer != null) {
            transfer.abort();
        }
        s.dataSource(null);
        server.limiter().release(s.remoteAddress().getAddress());
        if (s.loggedIn()) {
            SessionInfo before = s.snapshot();
            server.events().fire("logout", l -> l.onLogout(before));
            server.releaseUserSession(s.userName());
            FtpFileSystem view = s.logout();
            closeQuietly(view);
        }
        SessionInfo after = s.snapshot();
        server.events().fire("disconnect", l -> l.onDisconnect(after));
        LOG.debug("{}: disconnected", s);
    }

    private void closeQuietly(FtpFileSystem view) {
        if (view == null) {
            return;
        }
        // nothing waits for the close: no hop back to the loop (one thread wake-up less per session)
        FtpSession s = session;
        server.blocking().runDetached(() -> {
            try {
                view.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing the filesystem view of {} failed", s, e);
            }
        }, s.mdc());
    }

    private void idleTimedOut() {
        LOG.info("{}: idle for longer than {}s, closing", session, settings().idleTimeout().toSeconds());
        write(FtpReply.of(421, "Control connection timed out."));
    }

    private void loginTimedOut() {
        LOG.info("{}: not logged in within {}s, closing", session, settings().loginTimeout().toSeconds());
        write(FtpReply.of(421, "Login timed out, closing the connection."));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // the framer discards the rest of the line; answer it in turn like any other line
            channelRead0(context, FtpRequest.TOO_LONG);
            return;
        }
        if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            // a failed handshake or a bad record: the TLS handler closes the connection
            LOG.info("{}: TLS error on the control connection: {}", session, cause.getCause().toString());
        } else if (cause instanceof IOException) {
            LOG.debug("{}: {}", session, cause.toString());
        } else {
            LOG.warn("{}: unexpected error, closing the connection", session, cause);
            server.statistics().internalError();
        }
        context.close();
    }

    // ---- commands

    @Override
    protected void channelRead0(ChannelHandlerContext context, FtpRequest request) {
        if (closing || !admitted) {
            return;
        }
        if (clearing) {
            // still protected after CCC, before the client's close_notify: not a command
            LOG.debug("{}: dropped a protected line sent after CCC", session);
            return;
        }
        idle.touch();
        if (!busy) {
            run(request, false);
            return;
        }
        Command command = request.isCommand() ? server.commands().find(request.verb()) : null;
        if (transferCommandRunning && command != null && command.runsDuringTransfer()
                && (session.loggedIn() || !command.needsLogin())) {
            run(request, true);
            return;
        }
        queue.add(request);
        if (queue.size() >= MAX_QUEUED) {
            context.channel().config().setAutoRead(false);
        }
    }

    private void run(FtpRequest request, boolean duringTransfer) {
        LOG.trace("{} <- {}", session, request);
        FtpReply refusal = refusal(request);
        if (refusal != null) {
            write(refusal);
            return;
        }
        Command command = server.commands().find(request.verb());
        CompletableFuture<Void> done = new CompletableFuture<>();
        previousDone = currentDone;
        if (!duringTransfer) {
            busy = true;
            transferCommandRunning = command.transfersData();
            currentDone = done;
        }
        CompletionStage<FtpReply> stage;
        try {
            stage = command.execute(this, request.argument());
        } catch (ReplyException e) {
            stage = CompletableFuture.completedFuture(e.reply());
        } catch (RuntimeException e) {
            stage = CompletableFuture.completedFuture(FileErrors.reply(e));
        }
        stage.whenComplete((reply, error) -> onLoop(() -> completed(reply != null ? reply : FileErrors.reply(error),
                duringTransfer, done)));
    }

    /** The reply for a line no command may run for, or null. */
    private FtpReply refusal(FtpRequest request) {
        switch (request.kind()) {
            case TOO_LONG:
                if (++overlongLines >= MAX_OVERLONG_LINES) {
                    return FtpReply.of(421, "Too many overlong command lines, closing the connection.");
                }
                return FtpReply.of(500, "Command line too long.");
            case MALFORMED:
                overlongLines = 0;
                return FtpReply.of(501, "Syntax error: the command is not valid UTF-8.");
            default:
                overlongLines = 0;
        }
        if (request.verb().isEmpty()) {
            return FtpReply.of(500, "Syntax error: empty command.");
        }
        Command command = server.commands().find(request.verb());
        if (command == null) {
            return server.commands().isKnownUnimplemented(request.verb())
                    ? FtpReply.of(502, "Command \"" + request.verb() + "\" not implemented.")
                    : FtpReply.of(500, "Command \"" + printable(request.verb()) + "\" not understood.");
        }
        if (command.needsLogin() && !session.loggedIn()) {
            return FtpReply.of(530, "Log in with USER and PASS first.");
        }
        return null;
    }

    private static String printable(String verb) {
        return verb.length() > 32 ? verb.substring(0, 32) + "..." : verb;
    }

    private void completed(FtpReply reply, boolean duringTransfer, CompletableFuture<Void> done) {
        write(reply);
        done.complete(null);
        if (!duringTransfer) {
            busy = false;
            transferCommandRunning = false;
            drainQueue();
        }
    }

    private void drainQueue() {
        while (!busy && !closing && !queue.isEmpty()) {
            run(queue.poll(), false);
        }
        if (queue.size() < MAX_QUEUED / 2 && ctx.channel().isActive() && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void write(FtpReply reply) {
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        LOG.trace("{} -> {}", session, reply);
        idle.touch();
        server.statistics().replied(reply.code());
        if (reply.code() == 221 || reply.code() == 421) {
            closing = true;
            ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(reply);
        }
        if (clearAfterReply && !reply.isPreliminary()) {
            clearAfterReply = false;
            SslHandler tls = ctx.pipeline().get(SslHandler.class);
            if (tls != null) {
                // CCC: the reply went out protected; now our close_notify, then the client's ends TLS
                clearing = true;
                tls.closeOutbound();
            }
        }
    }

    // ---- TLS on the control connection

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            handshakeDone(context, handshake);
        } else if (event instanceof SslCloseCompletionEvent) {
            tlsClosedByClient(context);
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    private void handshakeDone(ChannelHandlerContext context, SslHandshakeCompletionEvent event) {
        if (!event.isSuccess()) {
            LOG.info("{}: TLS handshake failed: {}", session == null ? context.channel() : session,
                    event.cause().toString());
            context.close();
            return;
        }
        SslHandler tls = context.pipeline().get(SslHandler.class);
        if (session == null || tls == null) {
            return;
        }
        SSLSession established = tls.engine().getSession();
        session.tls().established(established);
        session.secure(true);
        LOG.debug("{}: TLS established ({}, {})", session, established.getProtocol(), established.getCipherSuite());
    }

    private void tlsClosedByClient(ChannelHandlerContext context) {
        SslHandler tls = context.pipeline().get(SslHandler.class);
        if (!clearing || tls == null) {
            LOG.debug("{}: the client ended TLS on the control connection", session);
            context.close();
            return;
        }
        // CCC complete: what follows the client's close_notify is clear text, and reaches the framer
        clearing = false;
        session.tls().cleared();
        session.secure(false);
        context.pipeline().remove(tls);
        LOG.info("{}: control connection in clear after CCC", session);
    }

    /** Drops the commands waiting to run and the bytes read but not yet framed. */
    private void discardUnprocessedInput() {
        queue.clear();
        ControlLineFramer old = ctx.pipeline().get(ControlLineFramer.class);
        org.ftpd.protocol.internal.throttle.CommandRateLimiter limiter =
                ctx.pipeline().get(org.ftpd.protocol.internal.throttle.CommandRateLimiter.class);
        if (limiter != null) {
            limiter.discardHeld();
        }
        if (old != null) {
            old.discardBuffered();
            ctx.pipeline().replace(old, "framer", new ControlLineFramer(settings().maxLineLength()));
        }
        if (!ctx.channel().config().isAutoRead() && ctx.channel().isActive()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void onLoop(Runnable action) {
        if (ctx.executor().inEventLoop()) {
            action.run();
        } else {
            ctx.executor().execute(action);
        }
    }

    // ---- SessionRegistry.Entry: what operators see and do (on this connection's loop)

    @Override
    public String sessionId() {
        return session.id();
    }

    @Override
    public String loggedInUser() {
        return session.userName();
    }

    @Override
    public Authorizer loggedInThrough() {
        return session.authorizer();
    }

    @Override
    public EventExecutor loop() {
        return ctx.executor();
    }

    @Override
    public LiveSession status() {
        Transfer transfer = session.transfer();
        LiveSession.LiveTransfer moving = transfer == null ? null : new LiveSession.LiveTransfer(
                direction(transfer.kind()), transfer.path(), transfer.bytes(), transfer.elapsed());
        return new LiveSession(session.snapshot(), idle.silentFor(), moving);
    }

    private static LiveSession.Direction direction(Transfer.Kind kind) {
        return switch (kind) {
            case DOWNLOAD -> LiveSession.Direction.DOWNLOAD;
            case UPLOAD -> LiveSession.Direction.UPLOAD;
            case LISTING -> LiveSession.Direction.LISTING;
        };
    }

    @Override
    public void closeByOperator(String reason) {
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        LOG.info("{}: closed by the server: {}", session, reason);
        Transfer transfer = session.transfer();
        if (transfer != null) {
            // broken off now, so it is reported as aborted; its 426 is not sent, the 421 below says why
            transfer.abort();
        }
        queue.clear();
        write(FtpReply.of(421, reason));
    }

    // ---- CommandContext

    @Override
    public FtpSession session() {
        return session;
    }

    @Override
    public ServerSettings settings() {
        return server.settings();
    }

    @Override
    public ServerContext server() {
        return server;
    }

    @Override
    public Channel channel() {
        return ctx.channel();
    }

    @Override
    public void send(FtpReply reply) {
        write(reply);
    }

    @Override
    public <T> CompletableFuture<T> blocking(Callable<T> work) {
        return server.blocking().submit(ctx.executor(), work, session.mdc());
    }

    @Override
    public boolean transferCommandRunning() {
        return transferCommandRunning;
    }

    @Override
    public CompletableFuture<Void> whenPreviousCommandDone() {
        return previousDone;
    }

    @Override
    public void startTls(TlsEngines.ControlEngine engine) {
        discardUnprocessedInput();
        session.tls().started(engine, false);
        // first in the pipeline, before the reply is written: the reply passes in clear, the client's hello
        // and everything after go through TLS
        ctx.pipeline().addFirst("tls", TlsEngines.handler(engine.engine(), true, settings().tlsHandshakeTimeout()));
    }

    @Override
    public void stopTls() {
        discardUnprocessedInput();
        clearAfterReply = true;
    }
}
