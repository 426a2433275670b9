package org.ftpd.protocol.internal;

import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ftpd.api.FtpServerControl;
import org.ftpd.api.LiveSession;
import org.ftpd.api.ServerCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FtpServerControl} over the running server's context. A session's state belongs to its event loop, so
 * its status is read there (each session's loop answers for its own; the caller waits briefly for all).
 */
public final class ServerControl implements FtpServerControl {

    private static final Logger LOG = LoggerFactory.getLogger(ServerControl.class);
    /** How long a listing waits for the loops to answer: a loop busy for longer is left out of the list. */
    private static final long STATUS_WAIT_MILLIS = 2_000;
    static final String DEFAULT_REASON = "Closed by the server administrator.";
    private static final ServerCounters ZERO = new ServerStatistics().snapshot();

    /** The running server as operators see it. */
    public record View(ServerContext context, List<InetSocketAddress> listenAddresses) {
    }

    private final Supplier<View> view;

    /** @param view the running server, or null while it is stopped */
    public ServerControl(Supplier<View> view) {
        this.view = view;
    }

    @Override
    public List<InetSocketAddress> listenAddresses() {
        View v = view.get();
        return v == null ? List.of() : List.copyOf(v.listenAddresses());
    }

    @Override
    public Instant runningSince() {
        View v = view.get();
        return v == null ? null : v.context().startedAt();
    }

    @Override
    public ServerCounters counters() {
        View v = view.get();
        return v == null ? ZERO : v.context().statistics().snapshot();
    }

    @Override
    public List<LiveSession> sessions() {
        View v = view.get();
        if (v == null) {
            return List.of();
        }
        List<SessionRegistry.Entry> entries = v.context().sessions().all();
        List<Future<LiveSession>> answers = new ArrayList<>(entries.size());
        for (SessionRegistry.Entry entry : entries) {
            answers.add(ask(entry));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STATUS_WAIT_MILLIS);
        List<LiveSession> result = new ArrayList<>(entries.size());
        for (Future<LiveSession> answer : answers) {
            LiveSession status = await(answer, deadline);
            if (status != null) {
                result.add(status);
            }
        }
        return List.copyOf(result);
    }

    @Override
    public Optional<LiveSession> session(String id) {
        View v = view.get();
        SessionRegistry.Entry entry = v == null ? null : v.context().sessions().get(id);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(await(ask(entry),
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STATUS_WAIT_MILLIS)));
    }

    @Override
    public boolean closeSession(String id, String reason) {
        View v = view.get();
        SessionRegistry.Entry entry = v == null ? null : v.context().sessions().get(id);
        if (entry == null) {
            return false;
        }
        close(entry, reason);
        return true;
    }

    @Override
    public int closeSessionsOf(String userName, String reason) {
        View v = view.get();
        if (v == null || userName == null) {
            return 0;
        }
        int closed = 0;
        for (SessionRegistry.Entry entry : v.context().sessions().all()) {
            if (userName.equals(entry.loggedInUser())) {
                close(entry, reason);
                closed++;
            }
        }
        return closed;
    }

    /** Closes on the session's loop; a loop already gone means the session is closing anyway. */
    static void close(SessionRegistry.Entry entry, String reason) {
        String text = reason == null || reason.isBlank() ? DEFAULT_REASON : oneLine(reason);
        try {
            entry.loop().execute(() -> entry.closeByOperator(text));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("session {} not closed: its event loop is stopping", entry.sessionId());
        }
    }

    /** A reply line must not carry line breaks (they would forge further replies). */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").trim();
    }

    private static Future<LiveSession> ask(SessionRegistry.Entry entry) {
        if (entry.loop().inEventLoop()) {
            // called from that very loop (a SITE extension, a listener): answer now, waiting would dead-lock
            try {
                return entry.loop().newSucceededFuture(entry.status());
            } catch (RuntimeException e) {
                return entry.loop().newFailedFuture(e);
            }
        }
        try {
            return entry.loop().submit(entry::status);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return entry.loop().newFailedFuture(e);
        }
    }

    private static LiveSession await(Future<LiveSession> answer, long deadlineNanos) {
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        if (!answer.awaitUninterruptibly(left, TimeUnit.NANOSECONDS) || !answer.isSuccess()) {
            return null;
        }
        return answer.getNow();
    }
}
