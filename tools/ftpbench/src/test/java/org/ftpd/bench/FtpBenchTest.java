package org.ftpd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every case, briefly, against our own engine on loopback: the figures are real and nothing fails. */
class FtpBenchTest {

    @TempDir
    static Path tmp;
    static BenchServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new BenchServer(tmp.resolve("root"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run ftpbench(String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FtpBench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The rows of the text table by case: header names to cells (the note is the rest of the line). */
    private static Map<String, Map<String, String>> parseTable(String text) {
        List<String> lines = text.lines().toList();
        String[] header = lines.get(0).trim().split("\\s+");
        assertEquals(List.of("server", "case", "clients", "figure", "unit", "p50_ms", "p99_ms", "errors", "cpu_ms/op",
                "client_ms/op", "note"),
                List.of(header));
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            String[] cells = line.trim().split("\\s+", header.length);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(row.get("case"), row);
        }
        return rows;
    }

    @Test
    void runsEveryCaseWithoutErrorsAndReportsRealFigures() throws Exception {
        Path csv = tmp.resolve("out.csv");
        long pid = ProcessHandle.current().pid();
        Run run = ftpbench("--server", "ours=127.0.0.1:" + server.port() + "/" + pid, "-u", "bench", "-p",
                "benchpass", "-d", "1", "--stor-size", "1m",
                "--cases", "logins:4,retr:2,stor:2,retr_small:4,stor_small:4,list:2,idle:50", "--csv", csv.toString());

        assertEquals(0, run.exit(), run.err() + run.out());
        Map<String, Map<String, String>> table = parseTable(run.out());
        assertEquals(CaseKind.values().length, table.size(), run.out());
        for (CaseKind kind : CaseKind.values()) {
            Map<String, String> row = table.get(kind.label());
            assertEquals(kind.unit, row.get("unit"));
            assertTrue(Double.parseDouble(row.get("figure")) > 0, kind + ": " + row);
            assertEquals("0", row.get("errors"), kind + ": " + run.err());
            assertTrue(Double.parseDouble(row.get("p99_ms")) >= Double.parseDouble(row.get("p50_ms")), row.toString());
            if (kind == CaseKind.IDLE) {
                assertEquals("-", row.get("cpu_ms/op"), "no CPU per operation for idle sessions");
                assertEquals("-", row.get("client_ms/op"));
            } else {
                // the server runs in this JVM, whose pid was given: its CPU time was read around the run
                assertTrue(Double.parseDouble(row.get("cpu_ms/op")) >= 0, kind + ": " + row);
                // and the tool's own, a second of load in every case: never nothing
                assertTrue(Double.parseDouble(row.get("client_ms/op")) > 0, kind + ": " + row);
            }
        }
        assertEquals("50", table.get("idle").get("figure"), "every idle session answered NOOP");
        assertTrue(table.get("list").get("note").startsWith(BenchServer.LISTED + " entries/listing"),
                table.get("list").toString());

        List<String> csvLines = Files.readAllLines(csv);
        assertEquals(CaseKind.values().length + 1, csvLines.size());
        List<String> columns = List.of(csvLines.get(0).split(","));
        for (String line : csvLines.subList(1, csvLines.size())) {
            String[] cells = line.split(",");
            long operations = Long.parseLong(cells[columns.indexOf("operations")]);
            long bytes = Long.parseLong(cells[columns.indexOf("bytes")]);
            assertTrue(operations > 0, line);
            switch (cells[columns.indexOf("case")]) {
                case "retr" -> assertEquals(operations * BenchServer.BIG, bytes, line);
                case "retr_small" -> assertEquals(operations * BenchServer.SMALL, bytes, line);
                case "stor" -> assertEquals(operations << 20, bytes, line);
                case "stor_small" -> assertEquals(operations << 16, bytes, line);
                case "idle" -> assertFalse(cells[columns.indexOf("kib_per_session")].isEmpty(),
                        "memory read for our own pid: " + line);
                default -> assertEquals(0, bytes, line);
            }
        }
        try (Stream<Path> left = Files.list(server.root.resolve("up"))) {
            assertEquals(List.of(), left.toList(), "uploads deleted after the run");
        }
    }

    @Test
    void comparesServersSideBySideWithTheRatioToTheBestPeer() throws Exception {
        String at = "127.0.0.1:" + server.port();
        Run run = ftpbench("--server", "a=" + at, "--server", "b=" + at, "-u", "bench", "-p", "benchpass", "-d", "1",
                "--cases", "retr_small:2", "--format", "markdown", "-q");

        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err(), "quiet");
        List<String> comparison = run.out().lines().dropWhile(l -> !l.startsWith("| case | unit | a | b |")).toList();
        assertFalse(comparison.isEmpty(), run.out());
        String[] row = comparison.get(2).split("\\s*\\|\\s*");
        // "", case, unit, a, b, ratio, best peer
        assertEquals("retr_small", row[1]);
        double a = Double.parseDouble(row[3].split(" ")[0]);
        double b = Double.parseDouble(row[4].split(" ")[0]);
        assertEquals(a / b, Double.parseDouble(row[5].replace("x", "")), 0.02 * a / b + 0.01);
        assertEquals("b", row[6]);
    }

    @Test
    void countsEveryFailedLoginAsAnErrorAndExitsWithOneWhenNothingSucceeded() throws Exception {
        Run run = ftpbench("-P", Integer.toString(server.port()), "-u", "bench", "-p", "wrong", "-d", "1",
                "--cases", "logins:2", "--format", "csv");

        assertEquals(1, run.exit(), run.out());
        String[] cells = run.out().lines().skip(1).findFirst().orElseThrow().split(",");
        assertEquals("0", cells[5], "no operation succeeded");
        assertTrue(Long.parseLong(cells[10]) > 0, "errors counted: " + run.out());
        assertTrue(run.err().contains("530"), "the first error names the reply: " + run.err());
    }

    @Test
    void findsTheServerProcessByItsListeningPort() {
        assertEquals(ProcessHandle.current().pid(), ServerMemory.listenerOf(server.port()).orElseThrow());
        assertTrue(ServerMemory.kibOfTree(ProcessHandle.current().pid()).orElseThrow() > 0);
    }
}
