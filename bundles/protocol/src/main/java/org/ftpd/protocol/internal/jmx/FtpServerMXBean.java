package org.ftpd.protocol.internal.jmx;

/**
 * The FTP server in JMX ({@value FtpServerMBean#DEFAULT_NAME}): the counters as attributes, the live sessions
 * and closing them as operations. Counters run from the server's last start.
 */
public interface FtpServerMXBean {

    boolean isRunning();

    /** Listening addresses, control port first. */
    String[] getListenAddresses();

    /** ISO-8601 instant of the last start, or null while stopped. */
    String getRunningSince();

    long getSessionsCurrent();

    long getSessionsTotal();

    long getConnectionsRefused();

    long getLoginsSucceeded();

    long getLoginsFailed();

    long getBytesIn();

    long getBytesOut();

    long getFilesReceived();

    long getFilesSent();

    long getTransfersAborted();

    long getTransfersFailed();

    long getErrorReplies();

    long getInternalErrors();

    /** The open sessions, oldest first. */
    SessionData[] listSessions();

    /** Closes one session (421 to the client); false when no such session is open. */
    boolean closeSession(String id);

    /** Closes every session of a user; returns how many. */
    int closeSessionsOfUser(String userName);

    /** One open session as JMX shows it (a CompositeData); times in ISO-8601, durations in seconds. */
    interface SessionData {

        String getId();

        /** Empty before login. */
        String getUser();

        String getRemoteAddress();

        boolean isSecure();

        String getConnectedAt();

        long getIdleSeconds();

        /** DOWNLOAD, UPLOAD or LISTING; empty when no transfer runs. */
        String getTransferDirection();

        String getTransferPath();

        long getTransferBytes();
    }
}
