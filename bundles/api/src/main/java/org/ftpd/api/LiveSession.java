package org.ftpd.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What an operator sees of one open control connection.
 *
 * @param session the connection's facts (id, addresses, user, TLS, connected at)
 * @param idle how long since the last command or reply
 * @param transfer the transfer in progress, or {@code null}
 */
public record LiveSession(SessionInfo session, Duration idle, LiveTransfer transfer) {

    public LiveSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(idle, "idle");
    }

    /** Whether a transfer is in progress. */
    public boolean transferring() {
        return transfer != null;
    }

    /**
     * A transfer in progress.
     *
     * @param direction what moves
     * @param path the virtual path of the file or listed directory
     * @param bytes bytes moved so far
     * @param elapsed how long it has been running
     */
    public record LiveTransfer(Direction direction, String path, long bytes, Duration elapsed) {
    }

    /** What a transfer moves. */
    public enum Direction {
        /** RETR: a file to the client. */
        DOWNLOAD,
        /** STOR, APPE, STOU: a file from the client. */
        UPLOAD,
        /** LIST, NLST, MLSD: a directory listing to the client. */
        LISTING
    }
}
