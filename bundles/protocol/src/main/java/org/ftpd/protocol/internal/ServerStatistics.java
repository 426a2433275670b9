package org.ftpd.protocol.internal;

import java.util.concurrent.atomic.LongAdder;
import org.ftpd.api.ServerCounters;

/**
 * The server's counters, bumped where the events happen (control handler, PASS, end of a transfer). LongAdders:
 * many event loops add at once without contending; a reader sums them.
 */
public final class ServerStatistics {

    private final LongAdder sessionsCurrent = new LongAdder();
    private final LongAdder sessionsTotal = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    private final LongAdder loginsSucceeded = new LongAdder();
    private final LongAdder loginsFailed = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder filesReceived = new LongAdder();
    private final LongAdder filesSent = new LongAdder();
    private final LongAdder transfersAborted = new LongAdder();
    private final LongAdder transfersFailed = new LongAdder();
    private final LongAdder errorReplies = new LongAdder();
    private final LongAdder internalErrors = new LongAdder();

    /** How a file transfer ended. */
    public enum Outcome {
        COMPLETE, ABORTED, FAILED
    }

    public void sessionOpened() {
        sessionsCurrent.increment();
        sessionsTotal.increment();
    }

    public void sessionClosed() {
        sessionsCurrent.decrement();
    }

    /** A connection turned away before its session began (limits, bans). */
    public void connectionRefused() {
        connectionsRefused.increment();
    }

    public void loginSucceeded() {
        loginsSucceeded.increment();
    }

    public void loginFailed() {
        loginsFailed.increment();
    }

    /** A file transfer ended after moving {@code bytes} ({@code upload}: from the client). */
    public void fileTransferEnded(boolean upload, long bytes, Outcome outcome) {
        (upload ? bytesIn : bytesOut).add(bytes);
        switch (outcome) {
            case COMPLETE -> (upload ? filesReceived : filesSent).increment();
            case ABORTED -> transfersAborted.increment();
            case FAILED -> transfersFailed.increment();
        }
    }

    /** A reply went to a client: 4xx and 5xx are errors, 451 (local error in processing) an internal one. */
    public void replied(int code) {
        if (code >= 400) {
            errorReplies.increment();
            if (code == 451) {
                internalErrors.increment();
            }
        }
    }

    /** A connection closed on an exception nobody expected. */
    public void internalError() {
        internalErrors.increment();
    }

    public ServerCounters snapshot() {
        return new ServerCounters(sessionsCurrent.sum(), sessionsTotal.sum(), connectionsRefused.sum(),
                loginsSucceeded.sum(),
                loginsFailed.sum(), bytesIn.sum(), bytesOut.sum(), filesReceived.sum(), filesSent.sum(),
                transfersAborted.sum(), transfersFailed.sum(), errorReplies.sum(), internalErrors.sum());
    }
}
