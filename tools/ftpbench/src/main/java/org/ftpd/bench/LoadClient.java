package org.ftpd.bench;

import java.io.IOException;

/** One simulated user in a timed case: prepared once (untimed), then one operation after another (timed). */
interface LoadClient {

    /** Gets ready for {@link #once()}, e.g. connects and logs in. Called again after a failed operation. */
    void open() throws IOException;

    /** One timed operation; returns the payload bytes it moved. */
    long once() throws IOException;

    /** Something to say about the last operations (e.g. entries per listing), or null. */
    default String note() {
        return null;
    }

    /** Ends the session politely; also used after a failure, so it must not throw. */
    void close();

    /** Closes every socket at once from another thread, to unblock a transfer that hangs. */
    void abort();
}
