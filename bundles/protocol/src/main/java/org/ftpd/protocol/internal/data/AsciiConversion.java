package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * TYPE A line-end conversion. On the wire every line ends with CRLF; on disk with LF. Both directions keep
 * state across chunks, since a CR may end one chunk and its LF begin the next.
 */
public final class AsciiConversion {

    private AsciiConversion() {
    }

    /** Disk to wire: a bare LF becomes CRLF; an existing CRLF stays as it is. */
    public static final class ToNetwork {
        private boolean lastWasCr;

        public ByteBuf convert(ByteBuf in, ByteBufAllocator alloc) {
            int n = in.readableBytes();
            ByteBuf out = alloc.buffer(n + n / 16 + 16);
            for (int i = in.readerIndex(), end = in.writerIndex(); i < end; i++) {
                byte b = in.getByte(i);
                if (b == '\n' && !lastWasCr) {
                    out.writeByte('\r');
                }
                out.writeByte(b);
                lastWasCr = b == '\r';
            }
            in.skipBytes(n);
            return out;
        }
    }

    /** Wire to disk: CRLF becomes LF; any other CR stays. */
    public static final class FromNetwork {
        private boolean pendingCr;

        public ByteBuf convert(ByteBuf in, ByteBufAllocator alloc) {
            int n = in.readableBytes();
            ByteBuf out = alloc.buffer(n + 1);
            for (int i = in.readerIndex(), end = in.writerIndex(); i < end; i++) {
                byte b = in.getByte(i);
                if (pendingCr) {
                    pendingCr = false;
                    if (b != '\n') {
                        out.writeByte('\r');
                    }
                }
                if (b == '\r') {
                    pendingCr = true;
                } else {
                    out.writeByte(b);
                }
            }
            in.skipBytes(n);
            return out;
        }

        /** What is still held back at the end of the data: a final CR, or nothing. */
        public byte[] finish() {
            boolean cr = pendingCr;
            pendingCr = false;
            return cr ? new byte[] {'\r'} : new byte[0];
        }
    }
}
