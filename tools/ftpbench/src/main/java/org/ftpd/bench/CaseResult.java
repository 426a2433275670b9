package org.ftpd.bench;

/**
 * One case against one server. {@code figure} is the headline in {@code unit} (higher is better for every
 * case); latencies are per operation; {@code kibPerSession} is the server's memory growth per idle session and
 * {@code serverCpuMillis} the server's CPU time per operation of a timed case (NaN when not measured).
 */
record CaseResult(String server, String caseName, double figure, String unit, int clients, long operations,
        long bytes, double seconds, double p50Millis, double p99Millis, long errors, double kibPerSession,
        String note, String firstError, double serverCpuMillis, double clientCpuMillis) {
}
