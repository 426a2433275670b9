package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.ftpd.api.FtpFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of 10,000 files: two name lookups in all, and entries read as the stream is consumed. */
class ListingScaleTest {

    private static final int FILES = 10_000;

    @TempDir
    static Path tmp;
    static Path home;

    @BeforeAll
    static void fill() throws IOException {
        home = Files.createDirectory(tmp.toRealPath().resolve("home"));
        Path big = Files.createDirectory(home.resolve("big"));
        for (int i = 0; i < FILES; i++) {
            Files.createFile(big.resolve("f" + i));
        }
    }

    /** Counts the name-service lookups that reach the provider. */
    private static final class CountingLookup implements PrincipalNames.Lookup {
        final AtomicInteger owners = new AtomicInteger();
        final AtomicInteger groups = new AtomicInteger();

        @Override
        public String owner(Path file) throws IOException {
            owners.incrementAndGet();
            return PrincipalNames.PROVIDER.owner(file);
        }

        @Override
        public String group(Path file) throws IOException {
            groups.incrementAndGet();
            return PrincipalNames.PROVIDER.group(file);
        }
    }

    @Test
    void aBigListingLooksUpEachOwnerAndGroupOnce() throws IOException {
        CountingLookup lookup = new CountingLookup();
        PrincipalNames names = new PrincipalNames(lookup, System::nanoTime);
        JailedFileSystem fs = new JailedFileSystem(home, null, WriteRules.DEFAULT, names);
        PosixFileAttributes real = Files.readAttributes(home.resolve("big/f0"), PosixFileAttributes.class);
        long count;
        try (Stream<FtpFile> s = fs.list("/big")) {
            count = s.peek(f -> {
                assertEquals(real.owner().getName(), f.owner());
                assertEquals(real.group().getName(), f.group());
            }).count();
        }
        assertEquals(FILES, count);
        assertEquals(1, lookup.owners.get(), "one owner lookup for 10,000 files");
        assertEquals(1, lookup.groups.get(), "one group lookup for 10,000 files");
        // a second session of the same factory shares the names
        try (Stream<FtpFile> s = new JailedFileSystem(home, null, WriteRules.DEFAULT, names).list("/big")) {
            s.limit(10).count();
        }
        assertEquals(1, lookup.owners.get());
    }

    @Test
    void aListingAsksTheSharedTableOnlyWhenTheOwnerOrGroupChanges() throws IOException {
        AtomicInteger clockReads = new AtomicInteger();
        PrincipalNames names = new PrincipalNames(new CountingLookup(), () -> {
            clockReads.incrementAndGet();
            return System.nanoTime();
        });
        JailedFileSystem fs = new JailedFileSystem(home, null, WriteRules.DEFAULT, names);
        try (Stream<FtpFile> s = fs.list("/big")) {
            assertEquals(FILES, s.count());
        }
        // one owner and one group for all 10,000 entries: the shared table is asked twice, not 20,000 times
        assertEquals(2, clockReads.get());

        OwnerNames listing = names.forOneListing();
        Path f = home.resolve("big/f1");
        clockReads.set(0);
        String a = listing.user(1000, f);
        listing.user(1000, f);
        listing.user(1001, f);
        assertEquals(a, listing.user(1000, f), "the shared table's name comes back for an owner seen before");
        assertEquals(3, clockReads.get(), "each change of owner asks the shared table");
    }

    @Test
    void theListingIsReadAsItIsConsumed() throws IOException {
        Path lazy = Files.createDirectory(home.resolve("lazy"));
        for (int i = 0; i < FILES; i++) {
            Files.createFile(lazy.resolve("g" + i));
        }
        JailedFileSystem fs = new JailedFileSystem(home);
        int seen;
        try (Stream<FtpFile> s = fs.list("/lazy")) {
            Iterator<FtpFile> it = s.iterator();
            it.next();
            // remove everything once the first entry is out: an eager listing would still hold all of it
            try (Stream<Path> all = Files.list(lazy)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Files.delete(p);
                }
            }
            seen = 1;
            while (it.hasNext()) {
                it.next();
                seen++;
            }
        }
        assertTrue(seen < FILES / 2, "entries read after the first one reflect the directory as it is now: " + seen);
    }

    @Test
    void namesAreKeptForTenMinutesAndTheTableIsBounded() throws IOException {
        CountingLookup lookup = new CountingLookup();
        AtomicLong clock = new AtomicLong();
        PrincipalNames names = new PrincipalNames(lookup, clock::get);
        Path f = home.resolve("big/f1");
        String first = names.user(1000, f);
        names.user(1000, f);
        assertEquals(1, lookup.owners.get());
        clock.addAndGet(PrincipalNames.KEEP_NANOS);
        assertEquals(first, names.user(1000, f));
        assertEquals(2, lookup.owners.get(), "looked up again after ten minutes");
        for (int uid = 0; uid < PrincipalNames.MAX_ENTRIES + 10; uid++) {
            names.group(uid, f);
        }
        assertEquals(PrincipalNames.MAX_ENTRIES + 10, lookup.groups.get());
        names.group(PrincipalNames.MAX_ENTRIES + 9, f);
        assertEquals(PrincipalNames.MAX_ENTRIES + 10, lookup.groups.get(), "recent entries survive the bound");
    }
}
