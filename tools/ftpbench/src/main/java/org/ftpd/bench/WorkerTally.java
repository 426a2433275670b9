package org.ftpd.bench;

/** What one worker thread counted; read by the coordinator only after the worker ended. */
final class WorkerTally {

    final LatencyLog latencies = new LatencyLog();
    long operations;
    long bytes;
    long errors;
    String firstError;

    void success(long nanos, long moved) {
        latencies.add(nanos);
        operations++;
        bytes += moved;
    }

    void failure(Exception e) {
        errors++;
        if (firstError == null) {
            firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
