package org.ftpd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static CaseResult result(String server, String kase, double figure, long errors, double kib) {
        return result(server, kase, figure, errors, kib, Double.NaN);
    }

    private static CaseResult result(String server, String kase, double figure, long errors, double kib,
            double cpu) {
        return result(server, kase, figure, errors, kib, cpu, Double.NaN);
    }

    private static CaseResult result(String server, String kase, double figure, long errors, double kib,
            double cpu, double clientCpu) {
        return new CaseResult(server, kase, figure, "x/s", 1, 10, 0, 1.0, 1.5, 9.25, errors, kib, "a note, quoted",
                null, cpu, clientCpu);
    }

    @Test
    void dividesTheFirstServerByTheBestOfTheOthers() {
        Report r = new Report(List.of(result("ours", "logins", 3000, 0, Double.NaN),
                result("vsftpd", "logins", 30, 0, Double.NaN), result("pyftpdlib", "logins", 1500, 2, Double.NaN),
                result("ours", "idle", 2000, 0, 4.25), result("vsftpd", "idle", 867, 0, Double.NaN),
                result("pyftpdlib", "idle", 2000, 0, 7.0)));
        String md = r.markdown();
        assertTrue(md.contains("| logins | x/s | 3000 (p99 9.25 ms) | 30 (p99 9.25 ms) | 1500 (p99 9.25 ms) 2 err "
                + "| 2.00x | pyftpdlib |"), md);
        assertTrue(md.contains("| idle | x/s | 2000 (+4.3 KiB/session) | 867 | 2000 (+7.0 KiB/session) | 1.00x "
                + "| pyftpdlib |"), md);
    }

    @Test
    void csvQuotesCellsWithCommasAndLeavesUnmeasuredMemoryEmpty() {
        String csv = new Report(List.of(result("ours", "list", 12.5, 0, Double.NaN))).csv();
        assertEquals("ours,list,1,12.500,x/s,10,0,1.000,1.500,9.250,0,,\"a note, quoted\",,,",
                csv.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void theServersCpuPerOperationGoesBesideTheLatencyAndIntoTheCsv() {
        Report r = new Report(List.of(result("ours", "logins", 3000, 0, Double.NaN, 0.21, 0.105),
                result("pyftpdlib", "logins", 1500, 0, Double.NaN, 0.4375, 0.125)));
        assertTrue(r.markdown().contains("| logins | x/s | 3000 (p99 9.25 ms, CPU 0.210 ms/op) "
                + "| 1500 (p99 9.25 ms, CPU 0.438 ms/op) | 2.00x | pyftpdlib |"), r.markdown());
        // the load generator's own CPU per operation goes into the detail rows and the CSV, after the server's
        assertTrue(r.markdown().contains("| 0.210 | 0.105 |"), r.markdown());
        assertTrue(r.csv().lines().skip(1).findFirst().orElseThrow().endsWith(",0.2100,0.1050"), r.csv());
    }

    @Test
    void oneServerGetsNoComparison() {
        String text = new Report(List.of(result("ours", "list", 12.5, 0, Double.NaN))).text();
        assertEquals(2, text.lines().count(), text);
    }
}
