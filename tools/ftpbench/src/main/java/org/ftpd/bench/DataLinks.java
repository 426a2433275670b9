package org.ftpd.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Data connections and the bytes on them. Blocking channels over direct buffers, so that a download is read and
 * thrown away and an upload written from one prepared buffer without copying through the Java heap: the client
 * must cost far less than the server it measures.
 *
 * @param timeoutMillis connect timeout (blocking channel reads have none: a stuck transfer is closed from outside)
 * @param socketBuffer  SO_RCVBUF/SO_SNDBUF for data connections; 0 leaves the kernel's autotuning alone, which on
 *                      Linux usually beats any fixed size
 */
record DataLinks(int timeoutMillis, int socketBuffer) {

    SocketChannel connect(String host, int port) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            if (socketBuffer > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, socketBuffer);
                channel.setOption(StandardSocketOptions.SO_SNDBUF, socketBuffer);
            }
            channel.socket().connect(new InetSocketAddress(host, port), timeoutMillis);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads until the server closes; returns the byte count. */
    static long drain(SocketChannel channel, ByteBuffer buffer) throws IOException {
        long total = 0;
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                return total;
            }
            total += n;
        }
    }

    /** Reads until the server closes; returns the number of lines (a listing's entries). */
    static long countLines(SocketChannel channel, ByteBuffer buffer) throws IOException {
        long lines = 0;
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                return lines;
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    lines++;
                }
            }
        }
    }

    /** Writes {@code size} bytes taken from {@code payload} over and over, then ends the output. */
    static void send(SocketChannel channel, ByteBuffer payload, long size) throws IOException {
        long left = size;
        while (left > 0) {
            payload.clear();
            if (left < payload.capacity()) {
                payload.limit((int) left);
            }
            while (payload.hasRemaining()) {
                left -= channel.write(payload);
            }
        }
        channel.shutdownOutput();
    }
}
