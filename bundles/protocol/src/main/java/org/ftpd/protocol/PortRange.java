package org.ftpd.protocol;

/**
 * An inclusive range of TCP ports, written {@code 60000-60099} (or one port, {@code 60000}).
 *
 * @param first the lowest port
 * @param last the highest port
 */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("not a port range within 1-65535: " + first + "-" + last);
        }
    }

    /**
     * Parses {@code first-last} or a single port.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static PortRange parse(String text) {
        String t = text.trim();
        int dash = t.indexOf('-');
        try {
            if (dash < 0) {
                int port = Integer.parseInt(t);
                return new PortRange(port, port);
            }
            return new PortRange(Integer.parseInt(t.substring(0, dash).trim()),
                    Integer.parseInt(t.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a port range like 60000-60099");
        }
    }

    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
