package org.ftpd.protocol.internal.listing;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One listing line assembled as bytes in a buffer that is reused from entry to entry: the line reaches the data
 * chunk in one copy, without a String per line and a second pass to encode it. Not for sharing between threads.
 */
final class LineBytes {

    private byte[] bytes = new byte[192];
    private int length;

    /** Starts the next line. */
    LineBytes clear() {
        length = 0;
        return this;
    }

    int length() {
        return length;
    }

    /** Drops what was added after {@code mark} (a {@link #length()} read earlier). */
    void truncate(int mark) {
        length = mark;
    }

    LineBytes bytes(byte[] text) {
        room(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    LineBytes ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** {@code text} in UTF-8; ASCII (nearly every name) is copied char by char. */
    LineBytes text(String text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return bytes(text.substring(i).getBytes(StandardCharsets.UTF_8));
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    /** {@code value} in decimal. */
    LineBytes decimal(long value) {
        if (value < 0) {
            return text(Long.toString(value));
        }
        int count = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        return digits(value, count);
    }

    /** The last {@code count} decimal digits of a non-negative {@code value}, zero-padded. */
    LineBytes digits(long value, int count) {
        room(count);
        for (int i = length + count - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += count;
        return this;
    }

    void writeTo(ByteBuf out) {
        out.writeBytes(bytes, 0, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
