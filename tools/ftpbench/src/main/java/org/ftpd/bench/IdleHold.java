package org.ftpd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * The idle case: logs many sessions in and holds them (no thread per session: a few opener threads each own a
 * share of the sockets), waits, then sends NOOP on each to see which the server kept. With a server pid, the
 * server's memory is read before the first login and after the hold, for the growth per session.
 */
final class IdleHold {

    /** The sessions logged in ({@code held}), the NOOPs answered and the memory readings (KiB) if any. */
    record Outcome(int held, long answered, long errors, long[] sortedNoopLatencies, String firstError,
            OptionalLong kibBefore, OptionalLong kibAfter) {

        /** Memory growth per held session in KiB, or NaN when not measured. */
        double kibPerSession() {
            if (kibBefore.isEmpty() || kibAfter.isEmpty() || held == 0) {
                return Double.NaN;
            }
            return (double) (kibAfter.getAsLong() - kibBefore.getAsLong()) / held;
        }
    }

    private IdleHold() {
    }

    static Outcome run(Target target, DataLinks links, boolean usePasv, int sessions, int openers, long holdNanos,
            OptionalLong pid) throws InterruptedException {
        OptionalLong before = pid.isPresent() ? ServerMemory.kibOfTree(pid.getAsLong()) : OptionalLong.empty();
        int threads = Math.max(1, Math.min(openers, sessions));
        CyclicBarrier allOpen = new CyclicBarrier(threads + 1);
        CyclicBarrier holdOver = new CyclicBarrier(threads + 1);
        List<WorkerTally> tallies = new ArrayList<>();
        List<List<ControlConnection>> shares = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            WorkerTally tally = new WorkerTally();
            List<ControlConnection> share = new ArrayList<>();
            int count = sessions / threads + (k < sessions % threads ? 1 : 0);
            tallies.add(tally);
            shares.add(share);
            Thread t = new Thread(() -> hold(target, links, usePasv, count, share, tally, allOpen, holdOver),
                    "ftpbench-idle-" + k);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        OptionalLong after = OptionalLong.empty();
        try {
            allOpen.await();
            Thread.sleep(holdNanos / 1_000_000);
            after = pid.isPresent() ? ServerMemory.kibOfTree(pid.getAsLong()) : OptionalLong.empty();
            holdOver.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("an idle worker died", e);
        }
        for (Thread t : workers) {
            t.join();
        }
        int held = 0;
        long answered = 0;
        long errors = 0;
        String firstError = null;
        List<LatencyLog> logs = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            WorkerTally t = tallies.get(k);
            held += shares.get(k).size();
            answered += t.operations;
            errors += t.errors;
            firstError = firstError != null ? firstError : t.firstError;
            logs.add(t.latencies);
        }
        return new Outcome(held, answered, errors, LatencyLog.sortedUnion(logs), firstError, before, after);
    }

    private static void hold(Target target, DataLinks links, boolean usePasv, int count,
            List<ControlConnection> share, WorkerTally tally, CyclicBarrier allOpen, CyclicBarrier holdOver) {
        try {
            for (int i = 0; i < count; i++) {
                ControlConnection c = null;
                try {
                    c = ControlConnection.open(target.host(), target.port(), links, usePasv);
                    c.login(target.user(), target.password());
                    share.add(c);
                } catch (Exception e) {
                    tally.failure(e);
                    if (c != null) {
                        c.close();
                    }
                }
            }
            allOpen.await();
            holdOver.await();
            for (ControlConnection c : share) {
                long t0 = System.nanoTime();
                try {
                    c.command("NOOP").expect(200);
                    tally.success(System.nanoTime() - t0, 0);
                } catch (Exception e) {
                    tally.failure(e);
                }
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        } finally {
            share.forEach(ControlConnection::close);
        }
    }
}
