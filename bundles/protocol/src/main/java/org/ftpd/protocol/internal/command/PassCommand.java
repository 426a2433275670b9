package org.ftpd.protocol.internal.command;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Authorizer;
import org.ftpd.api.Credentials;
import org.ftpd.api.FileSystemFactory;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.UnknownUserException;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.ServerContext;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.FtpSession;
import org.ftpd.protocol.internal.tls.TlsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PASS: asks the authorizers in order (off the loop), opens the account's filesystem view, and answers 230, or
 * 530 after the configured delay. Too many failures close the connection.
 */
final class PassCommand extends BaseCommand {

    private static final Logger LOG = LoggerFactory.getLogger(PassCommand.class);

    PassCommand() {
        super("PASS", null, false, "PASS <SP> password (set user password).");
    }

    /** A login that succeeded off the loop. */
    private record Login(Account account, FtpFileSystem view, Authorizer authorizer) {
    }

    /** Why nobody can log in right now (not the user's fault: no delay, no attempt counted). */
    private static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        FtpSession session = ctx.session();
        if (session.loggedIn()) {
            throw new ReplyException(503, "User already authenticated.");
        }
        String user = session.pendingUser();
        FtpReply refusal = TlsPolicy.controlRefusal(ctx.settings(), session.tls(), user);
        if (refusal != null) {
            // never a password in clear when TLS is required
            session.pendingUser(null);
            throw new ReplyException(refusal);
        }
        if (user == null) {
            throw new ReplyException(503, "Login with USER first.");
        }
        session.pendingUser(null);
        if (ctx.server().bans().banned(session.remoteAddress().getAddress()) != null) {
            // banned by failures on another connection: no more guesses on this one
            LOG.warn("{}: login of {} refused, address {} is banned", session, user,
                    session.remoteAddress().getAddress());
            throw new ReplyException(421, "Too many failed logins from your address; try again later.");
        }
        Credentials credentials = new Credentials(user, argument, session.remoteAddress(), session.secure());
        ServerContext server = ctx.server();
        return ctx.blocking(() -> login(server, credentials)).handle((login, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(loggedIn(ctx, login));
            }
            Throwable cause = FileErrors.unwrap(error);
            if (cause instanceof Unavailable) {
                LOG.warn("{}: login of {} impossible: {}", session, user, cause.getMessage(), cause.getCause());
                return CompletableFuture.completedFuture(FtpReply.of(530,
                        "Login unavailable: " + cause.getMessage() + "."));
            }
            return failed(ctx, user, cause);
        }).thenCompose(stage -> stage);
    }

    /** Runs off the loop: authorizers may be slow, opening a home may touch disks. */
    private static Login login(ServerContext server, Credentials credentials) throws Exception {
        List<? extends Authorizer> authorizers = new ArrayList<>(server.authorizers());
        if (authorizers.isEmpty()) {
            throw new Unavailable("no authorizer is active", null);
        }
        Account account = null;
        Authorizer admittedBy = null;
        for (Authorizer authorizer : authorizers) {
            try {
                account = authorizer.authenticate(credentials);
                admittedBy = authorizer;
                break;
            } catch (UnknownUserException e) {
                // the next authorizer may know the user
            }
        }
        if (account == null) {
            throw new UnknownUserException(credentials.userName());
        }
        URI home = account.home();
        FileSystemFactory factory = server.fileSystemFactory(home.getScheme());
        if (factory == null) {
            throw new Unavailable("no filesystem for home " + home, null);
        }
        try {
            return new Login(account, factory.open(account), admittedBy);
        } catch (IOException e) {
            throw new Unavailable("home " + home + " cannot be opened", e);
        }
    }

    private static FtpReply loggedIn(CommandContext ctx, Login login) {
        FtpSession session = ctx.session();
        Account account = login.account();
        if (!ctx.channel().isActive() || !ctx.server().acquireUserSession(account.userName(), account.maxSessions())) {
            ctx.blocking(() -> {
                login.view().close();
                return null;
            });
            return FtpReply.of(530, "Too many sessions for this user.");
        }
        session.login(account, login.view(), login.authorizer());
        ctx.server().statistics().loginSucceeded();
        LOG.info("{}: logged in as {}", session, account.userName());
        SessionInfo facts = session.snapshot();
        ctx.server().events().fire("login", l -> l.onLogin(facts));
        String text = "Login successful.";
        if (account.loginMessage() != null && !account.loginMessage().isBlank()) {
            List<String> lines = new ArrayList<>(List.of(account.loginMessage().split("\r?\n")));
            lines.add(text);
            return FtpReply.of(230, lines);
        }
        return FtpReply.of(230, text);
    }

    private static CompletionStage<FtpReply> failed(CommandContext ctx, String user, Throwable cause) {
        FtpSession session = ctx.session();
        int failures = session.failedLogin();
        ctx.server().statistics().loginFailed();
        if (cause instanceof AuthenticationException) {
            LOG.info("{}: login of {} refused: {}", session, user, cause.getMessage());
        } else {
            LOG.warn("{}: login of {} failed", session, user, cause);
        }
        SessionInfo facts = session.snapshot();
        ctx.server().events().fire("login failed", l -> l.onLoginFailed(facts, user));
        ServerSettings settings = ctx.settings();
        InetAddress address = session.remoteAddress().getAddress();
        boolean banned = ctx.server().bans().failed(address, settings.banMaxFailures(), settings.banWindow(),
                settings.banDuration());
        if (banned) {
            LOG.warn("{}: address {} banned for {} s after {} failed logins within {} s", session, address,
                    settings.banDuration().toSeconds(), settings.banMaxFailures(), settings.banWindow().toSeconds());
        }
        boolean last = banned || failures >= settings.maxLoginAttempts();
        FtpReply reply = last ? FtpReply.of(421, "Too many failed logins, closing the connection.")
                : FtpReply.of(530, "Authentication failed.");
        CompletableFuture<FtpReply> delayed = new CompletableFuture<>();
        long delay = settings.loginFailedDelay().toMillis();
        ctx.channel().eventLoop().schedule(() -> delayed.complete(reply), delay, TimeUnit.MILLISECONDS);
        return delayed;
    }
}
