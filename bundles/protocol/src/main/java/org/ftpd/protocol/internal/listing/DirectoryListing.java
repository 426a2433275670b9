package org.ftpd.protocol.internal.listing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ftpd.api.FileDetail;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.protocol.internal.data.ChunkSource;

/**
 * The lines of a listing, read from the filesystem's entry stream a batch at a time, so a directory of any size
 * costs one batch of memory. A directory of at most {@link #SORTED_UP_TO} entries is listed sorted by name
 * (what people expect from {@code ls}); a bigger one goes in the filesystem's order, since sorting it would
 * mean holding all of it. Every method blocks: call them off the event loop.
 */
public final class DirectoryListing<T> implements ChunkSource {

    /** Directories up to this many entries are sorted. */
    public static final int SORTED_UP_TO = 1000;
    /** Entries turned into bytes per chunk, and a soft cap on a chunk's size. */
    private static final int ENTRIES_PER_CHUNK = 512;
    private static final int BYTES_PER_CHUNK = 64 * 1024;

    private final Stream<T> stream;
    private final Iterator<T> head;
    private final Iterator<T> rest;
    private final Function<T, String> format;
    // the format's own bytes where it has them (MLSD), else its text encoded
    private final BiConsumer<T, ByteBuf> writer;

    private DirectoryListing(Stream<T> stream, Iterator<T> head, Iterator<T> rest, Function<T, String> format) {
        this.stream = stream;
        this.head = head;
        this.rest = rest;
        this.format = format;
        this.writer = format instanceof LineWriter<T> w ? w::write
                : (entry, out) -> ByteBufUtil.writeUtf8(out, format.apply(entry));
    }

    /**
     * Starts listing {@code directory}: reads its first entries (sorting them if they are all of it), each with
     * the {@code detail} that {@code format} needs.
     */
    public static DirectoryListing<FtpFile> open(FtpFileSystem fs, String directory, FileDetail detail,
            Function<FtpFile, String> format) throws IOException {
        return start(fs.list(directory, detail), FtpFile::name, format);
    }

    /** Starts listing the names of {@code directory}'s entries (NLST), without their facts. */
    public static DirectoryListing<String> names(FtpFileSystem fs, String directory) throws IOException {
        return start(fs.names(directory), Function.identity(), Function.identity());
    }

    private static <T> DirectoryListing<T> start(Stream<T> stream, Function<T, String> name,
            Function<T, String> format) throws IOException {
        try {
            Iterator<T> entries = stream.iterator();
            List<T> first = new ArrayList<>();
            while (first.size() < SORTED_UP_TO && hasNext(entries)) {
                first.add(entries.next());
            }
            boolean whole = !hasNext(entries);
            if (whole) {
                first.sort(Comparator.comparing(name));
            }
            return new DirectoryListing<>(stream, first.iterator(), whole ? Collections.emptyIterator() : entries,
                    format);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** A listing of one entry (LIST or NLST of a file). */
    public static DirectoryListing<FtpFile> of(FtpFile file, Function<FtpFile, String> format) {
        return new DirectoryListing<>(Stream.empty(), List.of(file).iterator(), Collections.emptyIterator(), format);
    }

    /** The next lines, at most {@code max}; empty at the end. */
    public List<String> nextLines(int max) throws IOException {
        List<String> lines = new ArrayList<>(Math.min(max, ENTRIES_PER_CHUNK));
        while (lines.size() < max) {
            T f = nextEntry();
            if (f == null) {
                break;
            }
            lines.add(format.apply(f));
        }
        return lines;
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc) throws IOException {
        ByteBuf chunk = null;
        try {
            for (int n = 0; n < ENTRIES_PER_CHUNK; n++) {
                T f = nextEntry();
                if (f == null) {
                    break;
                }
                if (chunk == null) {
                    chunk = alloc.buffer(BYTES_PER_CHUNK + 1024);
                }
                writer.accept(f, chunk);
                chunk.writeByte('\r').writeByte('\n');
                if (chunk.readableBytes() >= BYTES_PER_CHUNK) {
                    break;
                }
            }
            return chunk;
        } catch (IOException | RuntimeException e) {
            if (chunk != null) {
                chunk.release();
            }
            throw e;
        }
    }

    private T nextEntry() throws IOException {
        if (head.hasNext()) {
            return head.next();
        }
        try {
            return rest.hasNext() ? rest.next() : null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The filesystem's stream reports read errors unchecked; they are I/O errors here. */
    private static boolean hasNext(Iterator<?> entries) throws IOException {
        try {
            return entries.hasNext();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
