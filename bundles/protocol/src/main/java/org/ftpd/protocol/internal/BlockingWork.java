package org.ftpd.protocol.internal;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking work (authentication, filesystem calls, file reads and writes) on a bounded pool of its own and
 * completes the result on the caller's event loop, so session state is only ever touched by that loop.
 */
public final class BlockingWork {

    private final ThreadPoolExecutor pool;

    public BlockingWork(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ftpd-blocking-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} off the loop; the returned future completes on {@code loop}. */
    public <T> CompletableFuture<T> submit(EventExecutor loop, Callable<T> work) {
        return submit(loop, work, null);
    }

    /**
     * Runs {@code work} off the loop on behalf of a session: the work and the completion on {@code loop} (with
     * whatever runs in it) see the session's logging MDC.
     */
    public <T> CompletableFuture<T> submit(EventExecutor loop, Callable<T> work, SessionMdc mdc) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                T value;
                try {
                    value = mdc == null ? work.call() : mdc.call(work);
                } catch (Throwable t) {
                    hop(loop, mdc, () -> result.completeExceptionally(t));
                    return;
                }
                hop(loop, mdc, () -> result.complete(value));
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Runs {@code work} off the loop when nobody waits for its end (it handles its own errors): no completion
     * goes back to a loop. Dropped when the server is stopping.
     */
    public void runDetached(Runnable work, SessionMdc mdc) {
        try {
            pool.execute(mdc == null ? work : () -> mdc.run(work));
        } catch (RejectedExecutionException e) {
            // the pool is shut down: the server is stopping
        }
    }

    private static void hop(EventExecutor loop, SessionMdc mdc, Runnable completion) {
        try {
            loop.execute(mdc == null ? completion : () -> mdc.run(completion));
        } catch (RejectedExecutionException e) {
            // the loop is gone (server stopping): complete here so resources still get closed; no session
            // state is touched concurrently any more
            completion.run();
        }
    }

    public void shutdown() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
