package org.ftpd.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Runs one case against one server and sums it up as a {@link CaseResult}. */
final class CaseRunner {

    /** Reads per call when downloading large files and listings; small files need far less. */
    private static final int LARGE_BUFFER = 1 << 20;
    private static final long SELF = ProcessHandle.current().pid();
    private static final int SMALL_BUFFER = 64 << 10;
    /** Idle sessions are logged in by this many threads at most. */
    private static final int IDLE_OPENERS = 32;

    private final Options options;
    private final DataLinks links;
    private final ByteBuffer payload;
    private final String runTag = Long.toString(ProcessHandle.current().pid());

    CaseRunner(Options options) {
        this.options = options;
        this.links = options.links();
        this.payload = randomPayload(LARGE_BUFFER);
    }

    CaseResult run(CaseSpec spec, Target target) throws InterruptedException {
        if (spec.kind() == CaseKind.IDLE) {
            return idle(spec, target);
        }
        long grace = TimeUnit.SECONDS.toNanos(options.timeoutSeconds);
        if (options.warmupSeconds > 0) {
            TimedLoad.run(clients(spec, target), TimeUnit.SECONDS.toNanos(options.warmupSeconds), grace);
        }
        OptionalLong pid = ServerMemory.resolve(target.pid(), target.port());
        OptionalLong cpuBefore = ServerCpu.ticksOfTree(pid);
        // the load generator's own CPU: on a loopback run it takes the cores from the server under test
        OptionalLong ownBefore = ServerCpu.ticksOfTree(SELF);
        TimedLoad.Outcome o = TimedLoad.run(clients(spec, target), TimeUnit.SECONDS.toNanos(options.seconds), grace);
        OptionalLong ownAfter = ServerCpu.ticksOfTree(SELF);
        OptionalLong cpuAfter = ServerCpu.ticksOfTree(pid);
        double cpuPerOp = ServerCpu.millisPerOperation(cpuBefore, cpuAfter, o.operations());
        double ownCpuPerOp = ServerCpu.millisPerOperation(ownBefore, ownAfter, o.operations());
        double secs = Math.max(o.seconds(), 1e-9);
        double perSecond = o.operations() / secs;
        double mbPerSecond = o.bytes() / secs / 1e6;
        String note = switch (spec.kind()) {
            case RETR, STOR -> format("%d transfers, %.1f/s", o.operations(), perSecond);
            case RETR_SMALL, STOR_SMALL -> format("%.1f MB/s", mbPerSecond);
            default -> o.note();
        };
        double figure = spec.kind().unit.equals("MB/s") ? mbPerSecond : perSecond;
        return new CaseResult(target.name(), spec.kind().label(), figure, spec.kind().unit, spec.clients(),
                o.operations(), o.bytes(), o.seconds(), LatencyLog.percentileMillis(o.sortedLatencies(), 50),
                LatencyLog.percentileMillis(o.sortedLatencies(), 99), o.errors(), Double.NaN, note, o.firstError(),
                cpuPerOp, ownCpuPerOp);
    }

    private List<LoadClient> clients(CaseSpec spec, Target target) {
        List<LoadClient> list = new ArrayList<>(spec.clients());
        for (int i = 0; i < spec.clients(); i++) {
            String upload = options.storDir + (options.storDir.endsWith("/") ? "" : "/") + "ftpbench-" + runTag
                    + "-" + i + ".bin";
            list.add(switch (spec.kind()) {
                case LOGINS -> new LoginClient(target, links);
                case RETR -> new RetrClient(target, links, options.pasv, options.retrFile, LARGE_BUFFER);
                case RETR_SMALL -> new RetrClient(target, links, options.pasv, options.smallFile, SMALL_BUFFER);
                case STOR -> new StorClient(target, links, options.pasv, upload, payload, options.storSize);
                case STOR_SMALL -> new StorClient(target, links, options.pasv, upload, payload, options.smallSize);
                case LIST -> new ListClient(target, links, options.pasv, options.listDir, LARGE_BUFFER);
                case IDLE -> throw new IllegalArgumentException("idle is not a timed loop");
            });
        }
        return list;
    }

    private CaseResult idle(CaseSpec spec, Target target) throws InterruptedException {
        OptionalLong pid = ServerMemory.resolve(target.pid(), target.port());
        long start = System.nanoTime();
        IdleHold.Outcome o = IdleHold.run(target, links, options.pasv, spec.clients(), IDLE_OPENERS,
                TimeUnit.SECONDS.toNanos(options.seconds), pid);
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder note = new StringBuilder(format("%d logged in", o.held()));
        double perSession = o.kibPerSession();
        if (!Double.isNaN(perSession)) {
            note.append(format(", server memory %+.1f KiB/session (%+.1f MiB)", perSession,
                    (o.kibAfter().getAsLong() - o.kibBefore().getAsLong()) / 1024.0));
        } else if (target.pid() != null) {
            note.append(", server memory not readable (pid ").append(target.pid()).append(')');
        }
        return new CaseResult(target.name(), spec.kind().label(), o.answered(), spec.kind().unit, spec.clients(),
                o.answered(), 0, seconds, LatencyLog.percentileMillis(o.sortedNoopLatencies(), 50),
                LatencyLog.percentileMillis(o.sortedNoopLatencies(), 99), o.errors(), perSession, note.toString(),
                o.firstError(), Double.NaN, Double.NaN);
    }

    /** Random bytes (so no layer on the way can compress them) in a direct buffer shared by all uploads. */
    private static ByteBuffer randomPayload(int size) {
        byte[] bytes = new byte[size];
        new Random(8).nextBytes(bytes);
        ByteBuffer b = ByteBuffer.allocateDirect(size);
        b.put(bytes).flip();
        return b;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
