package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.Closeable;
import java.io.IOException;

/** Bytes produced a chunk at a time by blocking work (a directory being read), for {@link ListingSender}. */
public interface ChunkSource extends Closeable {

    /**
     * The next chunk, or null at the end. Blocks; called off the event loop, one call at a time.
     */
    ByteBuf next(ByteBufAllocator alloc) throws IOException;
}
