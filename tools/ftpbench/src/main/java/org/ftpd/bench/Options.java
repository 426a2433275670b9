package org.ftpd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The command line: what to load, how hard and for how long, and where the report goes. */
final class Options {

    /** Report formats for standard output. */
    enum Format {
        TABLE, MARKDOWN, CSV
    }

    private static final Set<String> VALUE_OPTIONS = Set.of("-H", "--host", "-P", "--port", "-u", "--user", "-p",
            "--password", "--pid", "--server", "-d", "--seconds", "--duration", "--warmup", "-c", "--clients",
            "--concurrency", "-b", "--cases", "--case", "--retr-file", "--small-file", "--stor-dir", "--stor-size",
            "--small-size", "--list-dir", "--timeout", "--socket-buffer", "--format", "--csv", "--markdown");

    String host = "127.0.0.1";
    int port = 21;
    String user = "anonymous";
    String password = "ftpbench@";
    String pid;
    final List<String> servers = new ArrayList<>();
    int seconds = 10;
    int warmupSeconds;
    int clients;
    String cases = CaseKind.labels();
    String retrFile = "/data/big.bin";
    String smallFile = "/data/small/s1.bin";
    String storDir = "/up";
    long storSize = 1L << 30;
    long smallSize = 64L << 10;
    String listDir = "/data/many";
    boolean pasv;
    int timeoutSeconds = 30;
    int socketBuffer;
    Format format = Format.TABLE;
    String csvFile;
    String markdownFile;
    boolean quiet;
    boolean help;

    static Options parse(String... args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (isFlag(arg)) {
                if (value != null) {
                    throw new IllegalArgumentException(arg + " takes no value");
                }
                o.flag(arg);
                continue;
            }
            if (!VALUE_OPTIONS.contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = args[++i];
            }
            o.option(arg, value);
        }
        o.targets(); // fails early on a bad --server
        o.caseSpecs();
        return o;
    }

    private static boolean isFlag(String arg) {
        return switch (arg) {
            case "--pasv", "-q", "--quiet", "-h", "--help" -> true;
            default -> false;
        };
    }

    private void flag(String arg) {
        switch (arg) {
            case "--pasv" -> pasv = true;
            case "-q", "--quiet" -> quiet = true;
            default -> help = true;
        }
    }

    private void option(String name, String value) {
        switch (name) {
            case "-H", "--host" -> host = value;
            case "-P", "--port" -> port = parsePort(value);
            case "-u", "--user" -> user = value;
            case "-p", "--password" -> password = value;
            case "--pid" -> pid = Target.checkPid(value);
            case "--server" -> servers.add(value);
            case "-d", "--seconds", "--duration" -> seconds = parsePositive(value, name);
            case "--warmup" -> warmupSeconds = parseCount(value, name);
            case "-c", "--clients", "--concurrency" -> clients = parsePositive(value, name);
            case "-b", "--cases", "--case" -> cases = value;
            case "--retr-file" -> retrFile = value;
            case "--small-file" -> smallFile = value;
            case "--stor-dir" -> storDir = value;
            case "--stor-size" -> storSize = parseSize(value, name);
            case "--small-size" -> smallSize = parseSize(value, name);
            case "--list-dir" -> listDir = value;
            case "--timeout" -> timeoutSeconds = parsePositive(value, name);
            case "--socket-buffer" -> socketBuffer = (int) Math.min(Integer.MAX_VALUE, parseSizeOrZero(value, name));
            case "--format" -> format = parseFormat(value);
            case "--csv" -> csvFile = value;
            case "--markdown" -> markdownFile = value;
            default -> throw new IllegalStateException("option without a case: " + name);
        }
    }

    /** The servers to load: every --server, or the one given by --host/--port/--pid. */
    List<Target> targets() {
        List<Target> list = new ArrayList<>();
        for (String s : servers) {
            list.add(Target.parse(s, user, password));
        }
        if (list.isEmpty()) {
            list.add(new Target(host + ":" + port, host, port, user, password, pid));
        }
        return list;
    }

    List<CaseSpec> caseSpecs() {
        List<CaseSpec> list = new ArrayList<>();
        for (String c : cases.split(",")) {
            if (!c.isBlank()) {
                list.add(CaseSpec.parse(c.trim(), clients));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no case to run");
        }
        return list;
    }

    DataLinks links() {
        return new DataLinks(timeoutSeconds * 1000, socketBuffer);
    }

    static int parsePort(String text) {
        int p = parsePositive(text, "port");
        if (p > 65535) {
            throw new IllegalArgumentException("port out of range: " + text);
        }
        return p;
    }

    static int parsePositive(String text, String what) {
        int n = parseCount(text, what);
        if (n == 0) {
            throw new IllegalArgumentException(what + " must be positive: " + text);
        }
        return n;
    }

    private static int parseCount(String text, String what) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " wants a whole number >= 0: " + text);
    }

    /** Bytes, with an optional binary suffix: 10k, 64K, 1m, 1g. */
    static long parseSize(String text, String what) {
        long n = parseSizeOrZero(text, what);
        if (n == 0) {
            throw new IllegalArgumentException(what + " must be positive: " + text);
        }
        return n;
    }

    private static long parseSizeOrZero(String text, String what) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                default -> shift = -1;
            }
        }
        try {
            long n = Long.parseLong(shift < 0 ? t : t.substring(0, t.length() - 1));
            if (n >= 0 && n <= (Long.MAX_VALUE >> Math.max(shift, 0))) {
                return n << Math.max(shift, 0);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " wants a size such as 65536, 64k, 10m or 1g: " + text);
    }

    private static Format parseFormat(String text) {
        try {
            return Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format wants table, markdown or csv: " + text);
        }
    }

    static String usage() {
        StringBuilder b = new StringBuilder();
        b.append("""
                ftpbench: load FTP servers and report logins/s, MB/s, transfers/s, listings/s and idle sessions.

                usage: ftpbench [options]
                  -H, --host HOST          server address (default 127.0.0.1)
                  -P, --port PORT          server port (default 21)
                      --pid PID|auto       the server's process, for memory per idle session (auto: by its port)
                      --server NAME=HOST:PORT[/PID|/auto]
                                           a server to load (repeat to compare servers side by side; the first
                                           is compared with the best of the others)
                  -u, --user USER          (default anonymous)
                  -p, --password PASS      (default ftpbench@)
                  -d, --seconds N          length of each timed case (default 10)
                      --warmup N           run each timed case N seconds unmeasured first (default 0)
                  -c, --clients N          clients of every case (default: per case, see below)
                  -b, --cases LIST         comma-separated cases, each NAME or NAME:CLIENTS (default: all)
                      --retr-file PATH     file for retr (default /data/big.bin)
                      --small-file PATH    file for retr_small (default /data/small/s1.bin)
                      --stor-dir DIR       directory for stor and stor_small (default /up); files are deleted after
                      --stor-size SIZE     bytes per stor (default 1g)
                      --small-size SIZE    bytes per stor_small (default 64k)
                      --list-dir DIR       directory for list (default /data/many)
                      --pasv               PASV instead of EPSV (EPSV falls back to PASV by itself)
                      --timeout N          seconds to wait for a connection or a reply (default 30)
                      --socket-buffer SIZE SO_RCVBUF/SO_SNDBUF of data connections (default 0: kernel autotuning)
                      --format F           table, markdown or csv on standard output (default table)
                      --csv FILE           also write the results as CSV
                      --markdown FILE      also write the results as markdown
                  -q, --quiet              no progress on standard error
                  -h, --help

                cases (default clients):
                """);
        for (CaseKind k : CaseKind.values()) {
            b.append(String.format(Locale.ROOT, "  %-11s %5d   %s; figure in %s%n", k.label(), k.defaultClients,
                    k.description, k.unit));
        }
        return b.toString();
    }
}
