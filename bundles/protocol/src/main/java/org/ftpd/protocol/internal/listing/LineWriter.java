package org.ftpd.protocol.internal.listing;

import io.netty.buffer.ByteBuf;
import java.util.function.Function;

/**
 * A line format that can also put its line's bytes straight into a data chunk, for listings whose lines are
 * made per entry of big directories (MLSD). {@link #apply} gives the same line as text.
 */
public interface LineWriter<T> extends Function<T, String> {

    /** Writes {@code entry}'s line, without its CRLF, into {@code out}. */
    void write(T entry, ByteBuf out);
}
