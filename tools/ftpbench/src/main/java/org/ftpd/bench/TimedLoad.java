package org.ftpd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs clients side by side, one platform thread each, for a fixed time. Every client first gets ready (e.g.
 * logs in, not timed); the clock starts when all are ready, and each then repeats its operation until the time
 * is up. The elapsed time runs until the last operation in flight has ended, so that rates stay honest for long
 * transfers. A transfer still running well after the end (a stuck server) is closed from outside and counted as
 * an error.
 */
final class TimedLoad {

    /** What all the clients did together. */
    record Outcome(long operations, long bytes, long errors, double seconds, long[] sortedLatencies,
            String firstError, String note) {
    }

    /** After a failure a client waits this long before trying again, so a refusing server is not hammered. */
    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private TimedLoad() {
    }

    static Outcome run(List<? extends LoadClient> clients, long durationNanos, long graceNanos)
            throws InterruptedException {
        int n = clients.size();
        AtomicLong start = new AtomicLong();
        CyclicBarrier ready = new CyclicBarrier(n, () -> start.set(System.nanoTime()));
        CountDownLatch done = new CountDownLatch(n);
        List<WorkerTally> tallies = new ArrayList<>(n);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            WorkerTally tally = new WorkerTally();
            tallies.add(tally);
            LoadClient client = clients.get(i);
            Thread t = new Thread(() -> {
                try {
                    work(client, tally, ready, start, durationNanos);
                } finally {
                    done.countDown();
                }
            }, "ftpbench-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        awaitOrAbort(clients, done, start, durationNanos + graceNanos, graceNanos);
        long end = System.nanoTime();
        long ops = 0;
        long bytes = 0;
        long errors = 0;
        String firstError = null;
        String note = null;
        List<LatencyLog> logs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            WorkerTally t = tallies.get(i);
            ops += t.operations;
            bytes += t.bytes;
            errors += t.errors;
            logs.add(t.latencies);
            firstError = firstError != null ? firstError : t.firstError;
            note = note != null ? note : clients.get(i).note();
        }
        double seconds = start.get() == 0 ? 0 : (end - start.get()) / 1e9;
        return new Outcome(ops, bytes, errors, seconds, LatencyLog.sortedUnion(logs), firstError, note);
    }

    private static void work(LoadClient client, WorkerTally tally, CyclicBarrier ready, AtomicLong start,
            long durationNanos) {
        boolean open = tryOpen(client, tally);
        try {
            ready.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            client.close();
            return;
        }
        long deadline = start.get() + durationNanos;
        while (System.nanoTime() - deadline < 0) {
            if (!open && !(open = tryOpen(client, tally))) {
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
                continue;
            }
            long t0 = System.nanoTime();
            try {
                long moved = client.once();
                tally.success(System.nanoTime() - t0, moved);
            } catch (Exception e) {
                tally.failure(e);
                client.close();
                open = false;
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
            }
        }
        client.close();
    }

    private static boolean tryOpen(LoadClient client, WorkerTally tally) {
        try {
            client.open();
            return true;
        } catch (Exception e) {
            tally.failure(e);
            client.close();
            return false;
        }
    }

    /** Waits for every worker; once the run is over by more than the grace, unblocks the stragglers. */
    private static void awaitOrAbort(List<? extends LoadClient> clients, CountDownLatch done, AtomicLong start,
            long limitNanos, long graceNanos) throws InterruptedException {
        while (!done.await(200, TimeUnit.MILLISECONDS)) {
            long started = start.get();
            if (started != 0 && System.nanoTime() - started > limitNanos) {
                clients.forEach(LoadClient::abort);
                done.await(graceNanos, TimeUnit.NANOSECONDS); // threads still stuck are daemons: left behind
                return;
            }
        }
    }
}
