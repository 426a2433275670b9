package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.ftpd.api.QuotaExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes a home holds against its quota, shared by every session of that home. Counted by walking the home
 * (links not followed) when first needed and again when the count is older than a minute and no upload is
 * running; in between, uploads reserve the bytes they add before writing them and deletions give bytes back.
 * Writes by other means than this server are seen at the next count.
 */
final class QuotaLedger {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaLedger.class);
    static final long RECOUNT_AFTER_NANOS = 60_000_000_000L;

    private final Path home;
    private final LongSupplier clock;
    private final AtomicLong used = new AtomicLong();
    private final AtomicInteger uploads = new AtomicInteger();
    private volatile long limit;
    private volatile long countedAt;
    private volatile boolean counted;

    QuotaLedger(Path home, long limit) {
        this(home, limit, System::nanoTime);
    }

    QuotaLedger(Path home, long limit, LongSupplier clock) {
        this.home = home;
        this.limit = limit;
        this.clock = clock;
    }

    long limit() {
        return limit;
    }

    void limit(long value) {
        limit = value;
    }

    long used() {
        return used.get();
    }

    /** Counts the home when it was never counted, or long ago with no upload running. */
    synchronized void recountIfStale() {
        long now = clock.getAsLong();
        if (counted && (now - countedAt < RECOUNT_AFTER_NANOS || uploads.get() > 0)) {
            return;
        }
        used.set(count());
        countedAt = now;
        counted = true;
    }

    /** Takes {@code bytes} from what is left, or refuses without taking anything. */
    void reserve(String virtual, long bytes) throws QuotaExceededException {
        if (bytes <= 0) {
            return;
        }
        long now;
        long next;
        do {
            now = used.get();
            next = now + bytes;
            if (next > limit) {
                throw exceeded(virtual);
            }
        } while (!used.compareAndSet(now, next));
    }

    /** Gives {@code bytes} back (a file deleted, shortened, or an upload that wrote less than reserved). */
    void release(long bytes) {
        if (bytes > 0) {
            used.updateAndGet(u -> Math.max(0, u - bytes));
        }
    }

    /** Refuses to start a write when the home is already full. */
    void requireRoom(String virtual) throws QuotaExceededException {
        if (used.get() >= limit) {
            throw exceeded(virtual);
        }
    }

    void uploadStarted() {
        uploads.incrementAndGet();
    }

    void uploadEnded() {
        uploads.decrementAndGet();
    }

    private QuotaExceededException exceeded(String virtual) {
        return new QuotaExceededException(virtual, "quota of " + limit + " bytes exceeded");
    }

    private long count() {
        long[] total = {0};
        try {
            Files.walkFileTree(home, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                total[0] += attrs.size();
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            LOG.warn("cannot count the bytes in {} for its quota: {}", home, e.toString());
        }
        return total[0];
    }
}
