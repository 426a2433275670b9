package org.ftpd.protocol.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare control connection for what FTP client libraries will not send (overlong lines, raw bytes). */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Sends {@code line} with its final LF as TCP urgent data, as RFC 959 clients (Python's ftplib) send ABOR: a
     * server that does not keep urgent data inline never sees the end of that line.
     */
    public void sendWithUrgentEnd(String line) throws IOException {
        out.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        out.flush();
        socket.sendUrgentData('\n');
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The next line, without CRLF; null at the end of the stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    /** The next complete reply (all lines of a multi-line one), or null at the end of the stream. */
    public String reply() throws IOException {
        String first = readLine();
        if (first == null || first.length() < 4 || first.charAt(3) != '-') {
            return first;
        }
        StringBuilder all = new StringBuilder(first);
        String end = first.substring(0, 3) + " ";
        String line;
        while ((line = readLine()) != null) {
            all.append('\n').append(line);
            if (line.startsWith(end)) {
                break;
            }
        }
        return all.toString();
    }

    public int code(String reply) {
        return Integer.parseInt(reply.substring(0, 3));
    }

    /** Sends a command and returns the reply code. */
    public int command(String line) throws IOException {
        send(line);
        return code(reply());
    }

    /** Whether the server closed the connection (reads the end of the stream within the socket timeout). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    public void login(String user, String password) throws IOException {
        if (command("USER " + user) != 331 || command("PASS " + password) != 230) {
            throw new IOException("login failed");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
