package org.ftpd.protocol.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.LineBasedFrameDecoder;

/**
 * Line framing of the control connection (bounded, delimiter stripped, fail fast), able to drop what it has
 * read but not yet framed: when TLS starts or stops (AUTH, CCC), bytes that arrived before the switch must
 * never be taken as commands after it.
 */
public final class ControlLineFramer extends LineBasedFrameDecoder {

    public ControlLineFramer(int maxLength) {
        super(maxLength, true, true);
    }

    /** Discards the buffered bytes, so that removing this framer forwards nothing. */
    public void discardBuffered() {
        ByteBuf buffered = internalBuffer();
        buffered.skipBytes(buffered.readableBytes());
    }
}
