package org.ftpd.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results as text: one row per server and case (case, figure, unit, p50, p99, errors, the server's and this
 * tool's CPU time per operation, note), and with
 * several servers a side-by-side table in which the first server is divided by the best of the others.
 */
final class Report {

    private static final String[] DETAIL_HEADER = {"server", "case", "clients", "figure", "unit", "p50_ms", "p99_ms",
        "errors", "cpu_ms/op", "client_ms/op", "note"};
    private static final boolean[] DETAIL_NUMERIC =
        {false, false, true, true, false, true, true, true, true, true, false};

    private final List<CaseResult> results;
    private final List<String> servers = new ArrayList<>();
    private final List<String> cases = new ArrayList<>();

    Report(List<CaseResult> results) {
        this.results = List.copyOf(results);
        LinkedHashSet<String> s = new LinkedHashSet<>();
        LinkedHashSet<String> c = new LinkedHashSet<>();
        for (CaseResult r : results) {
            s.add(r.server());
            c.add(r.caseName());
        }
        servers.addAll(s);
        cases.addAll(c);
    }

    String text() {
        StringBuilder b = new StringBuilder(details().text());
        if (servers.size() > 1) {
            b.append('\n').append(comparison().text()).append(legend()).append('\n');
        }
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder(details().markdown());
        if (servers.size() > 1) {
            b.append('\n').append(comparison().markdown()).append('\n').append(legend()).append('\n');
        }
        return b.toString();
    }

    String csv() {
        StringBuilder b = new StringBuilder("server,case,clients,figure,unit,operations,bytes,seconds,p50_ms,p99_ms,"
                + "errors,kib_per_session,note,first_error,server_cpu_ms_per_op,client_cpu_ms_per_op\n");
        for (CaseResult r : results) {
            b.append(String.join(",", csvCell(r.server()), csvCell(r.caseName()), Integer.toString(r.clients()),
                    format("%.3f", r.figure()), csvCell(r.unit()), Long.toString(r.operations()),
                    Long.toString(r.bytes()), format("%.3f", r.seconds()), format("%.3f", r.p50Millis()),
                    format("%.3f", r.p99Millis()), Long.toString(r.errors()),
                    Double.isNaN(r.kibPerSession()) ? "" : format("%.2f", r.kibPerSession()),
                    csvCell(r.note()), csvCell(r.firstError()),
                    Double.isNaN(r.serverCpuMillis()) ? "" : format("%.4f", r.serverCpuMillis()),
                    Double.isNaN(r.clientCpuMillis()) ? "" : format("%.4f", r.clientCpuMillis()))).append('\n');
        }
        return b.toString();
    }

    private Grid details() {
        Grid g = new Grid(DETAIL_HEADER, DETAIL_NUMERIC);
        for (CaseResult r : results) {
            g.add(r.server(), r.caseName(), Integer.toString(r.clients()), figure(r.figure()), r.unit(),
                    format("%.2f", r.p50Millis()), format("%.2f", r.p99Millis()), Long.toString(r.errors()),
                    Double.isNaN(r.serverCpuMillis()) ? "-" : format("%.3f", r.serverCpuMillis()),
                    Double.isNaN(r.clientCpuMillis()) ? "-" : format("%.3f", r.clientCpuMillis()),
                    r.note() == null || r.note().isEmpty() ? "-" : r.note());
        }
        return g;
    }

    private Grid comparison() {
        String subject = servers.get(0);
        List<String> header = new ArrayList<>(List.of("case", "unit"));
        header.addAll(servers);
        header.add(subject + "/best peer");
        header.add("best peer");
        boolean[] numeric = new boolean[header.size()];
        for (int i = 2; i < numeric.length - 1; i++) {
            numeric[i] = true;
        }
        Grid g = new Grid(header.toArray(new String[0]), numeric);
        for (String c : cases) {
            Map<String, CaseResult> byServer = new LinkedHashMap<>();
            for (CaseResult r : results) {
                if (r.caseName().equals(c)) {
                    byServer.put(r.server(), r);
                }
            }
            List<String> row = new ArrayList<>();
            row.add(c);
            row.add(byServer.values().iterator().next().unit());
            for (String s : servers) {
                CaseResult r = byServer.get(s);
                row.add(r == null ? "-" : cell(r));
            }
            Optional<CaseResult> best = byServer.values().stream().filter(r -> !r.server().equals(subject))
                    .max((a, b) -> Double.compare(a.figure(), b.figure()));
            CaseResult own = byServer.get(subject);
            boolean comparable = own != null && best.isPresent() && best.get().figure() > 0;
            row.add(comparable ? format("%.2fx", own.figure() / best.get().figure()) : "-");
            row.add(best.map(CaseResult::server).orElse("-"));
            g.add(row.toArray(new String[0]));
        }
        return g;
    }

    private String legend() {
        return "each cell: figure (p99 latency and, with the server's pid, its CPU time per operation; for idle its"
                + " memory growth per session); the column "
                + servers.get(0) + "/best peer is the figure of " + servers.get(0)
                + " divided by the best figure of the others (higher is better in every case)";
    }

    private static String cell(CaseResult r) {
        StringBuilder b = new StringBuilder(figure(r.figure()));
        if (r.caseName().equals(CaseKind.IDLE.label())) {
            if (!Double.isNaN(r.kibPerSession())) {
                b.append(format(" (%+.1f KiB/session)", r.kibPerSession()));
            }
        } else {
            b.append(format(" (p99 %s ms", figure(r.p99Millis())));
            if (!Double.isNaN(r.serverCpuMillis())) {
                b.append(format(", CPU %.3f ms/op", r.serverCpuMillis()));
            }
            b.append(')');
        }
        if (r.errors() > 0) {
            b.append(' ').append(r.errors()).append(" err");
        }
        return b.toString();
    }

    /** Whole numbers as they are, others with three significant digits or more: 2717, 60.1, 1.25. */
    static String figure(double value) {
        double a = Math.abs(value);
        if (value == Math.rint(value) && a < 1e15) {
            return Long.toString((long) value);
        }
        return format(a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
