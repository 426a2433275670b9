package org.ftpd.protocol.internal.throttle;

import java.util.function.Supplier;
import org.ftpd.protocol.ServerSettings;

/** The server-wide data rate budgets ({@code server.read.limit}, {@code server.write.limit}), read live. */
public final class ServerThrottle {

    private final Supplier<ServerSettings> settings;
    private final RateBucket reads = new RateBucket.Shared();
    private final RateBucket writes = new RateBucket.Shared();

    public ServerThrottle(Supplier<ServerSettings> settings) {
        this.settings = settings;
    }

    long readLimit() {
        return settings.get().serverReadLimit();
    }

    long writeLimit() {
        return settings.get().serverWriteLimit();
    }

    RateBucket reads() {
        return reads;
    }

    RateBucket writes() {
        return writes;
    }
}
