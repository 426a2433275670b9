package org.ftpd.bench;

/**
 * A server to load.
 *
 * @param name what the report calls it
 * @param pid  its process id for memory figures, {@code "auto"} to look it up by its listening port, or null
 */
record Target(String name, String host, int port, String user, String password, String pid) {

    /** Parses {@code NAME=HOST:PORT[/PID]} (PID may be {@code auto}); IPv6 hosts in brackets. */
    static Target parse(String spec, String user, String password) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--server wants NAME=HOST:PORT[/PID], got " + spec);
        }
        String name = spec.substring(0, eq);
        String rest = spec.substring(eq + 1);
        String pid = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            pid = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--server wants NAME=HOST:PORT[/PID], got " + spec);
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Target(name, host, Options.parsePort(rest.substring(colon + 1)), user, password, checkPid(pid));
    }

    /** A process id, {@code auto}, or null. */
    static String checkPid(String pid) {
        if (pid == null || pid.equals("auto") || (!pid.isEmpty() && pid.chars().allMatch(Character::isDigit))) {
            return pid;
        }
        throw new IllegalArgumentException("a server's process is a number or auto, got " + pid);
    }
}
