package org.ftpd.api;

/**
 * The server's counters at one moment, since it last started listening (a reconfiguration keeps them, even one
 * that moves the listener to another port; a stop and start begins again from zero). File transfers are RETR,
 * STOR, APPE and STOU; directory listings are not counted as transfers nor in the byte counts.
 *
 * @param sessionsCurrent control connections open now (admitted ones: refused connections do not count)
 * @param sessionsTotal control connections admitted so far
 * @param connectionsRefused connections turned away with 421 at once (connection limits, banned addresses)
 * @param loginsSucceeded successful logins
 * @param loginsFailed refused logins (wrong password, unknown or disabled user)
 * @param bytesIn file bytes received over data connections, counted when each upload ends
 * @param bytesOut file bytes sent over data connections, counted when each download ends
 * @param filesReceived uploads that completed
 * @param filesSent downloads that completed
 * @param transfersAborted file transfers broken off by the client (ABOR, closing the control connection) or by
 *     an operator
 * @param transfersFailed file transfers that failed otherwise (data connection lost or stalled, file error)
 * @param errorReplies replies with a 4xx or 5xx code sent on control connections
 * @param internalErrors local errors: 451 replies and connections closed on an unexpected exception
 */
public record ServerCounters(long sessionsCurrent, long sessionsTotal, long connectionsRefused,
        long loginsSucceeded, long loginsFailed,
        long bytesIn, long bytesOut, long filesReceived, long filesSent, long transfersAborted,
        long transfersFailed, long errorReplies, long internalErrors) {
}
