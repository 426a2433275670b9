package org.ftpd.protocol.internal.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.ftpd.protocol.PortRange;

/**
 * The ports a passive listener tries, in order.
 *
 * <p>With a configured range: every port of it from a random start (at most {@link #MAX_TRIES}). Without one,
 * the server still picks the port itself instead of binding port 0: for port 0 Linux looks for a port that
 * nothing uses at all, and a busy server leaves its recent passive ports in TIME_WAIT, so that search walked
 * tens of thousands of ports and took half the server's CPU under many small downloads. A chosen port with
 * SO_REUSEADDR is one lookup, and a port held only by TIME_WAIT connections is free for it. The automatic
 * choice takes odd ports of the kernel's ephemeral range at random (Linux gives outgoing connections even
 * ports first, so fewer tries collide with them) and ends with port 0, so a bind still succeeds when every
 * try was taken.
 */
final class PassivePorts {

    static final int MAX_TRIES = 200;
    static final int AUTOMATIC_TRIES = 16;
    private static final Path LINUX_EPHEMERAL = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** IANA's dynamic ports, where the platform does not say. */
    static final PortRange DYNAMIC = new PortRange(49152, 65535);
    private static final PortRange EPHEMERAL = ephemeral(LINUX_EPHEMERAL);

    private final PortRange configured;
    private final PortRange automatic;
    private final int start;
    private final int tries;

    private PassivePorts(PortRange configured, PortRange automatic) {
        this.configured = configured;
        this.automatic = automatic;
        this.start = configured == null ? 0 : ThreadLocalRandom.current().nextInt(configured.size());
        this.tries = configured == null ? AUTOMATIC_TRIES + 1 : Math.min(configured.size(), MAX_TRIES);
    }

    /** The ports for a new listener: {@code configured}, or automatic ones when it is null. */
    static PassivePorts of(PortRange configured) {
        return new PassivePorts(configured, EPHEMERAL);
    }

    /** Automatic ports from {@code ephemeral} (tests). */
    static PassivePorts automatic(PortRange ephemeral) {
        return new PassivePorts(null, ephemeral);
    }

    /** How many ports to try. */
    int tries() {
        return tries;
    }

    /** The port of try {@code attempt} (0-based, below {@link #tries()}); 0 lets the kernel choose. */
    int port(int attempt) {
        if (configured != null) {
            return configured.first() + (start + attempt) % configured.size();
        }
        if (attempt >= AUTOMATIC_TRIES) {
            return 0;
        }
        return randomOddPort(automatic);
    }

    private static int randomOddPort(PortRange range) {
        int port = ThreadLocalRandom.current().nextInt(range.first(), range.last() + 1) | 1;
        return port > range.last() ? range.last() - 1 : port;
    }

    /** Linux's ephemeral port range (two numbers in the proc file), or {@link #DYNAMIC} when unreadable. */
    static PortRange ephemeral(Path procFile) {
        try {
            String[] bounds = Files.readString(procFile).trim().split("\\s+");
            PortRange range = new PortRange(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
            return range.size() >= 16 ? range : DYNAMIC;
        } catch (IOException | RuntimeException e) {
            return DYNAMIC;
        }
    }

    /** The configured range, or null for automatic ports (for messages). */
    PortRange configured() {
        return configured;
    }
}
