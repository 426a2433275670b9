package org.ftpd.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A minimal FTP control connection: one command at a time, replies read straight from the socket's bytes (no
 * reader, no per-line decoder). Opens passive data connections (EPSV, or PASV when asked or when EPSV is
 * refused) to the control connection's host, whatever address the server names.
 */
final class ControlConnection implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final DataLinks data;
    private final byte[] buffer = new byte[4096];
    private int position;
    private int limit;
    private final StringBuilder line = new StringBuilder(128);
    private boolean usePasv;

    private ControlConnection(Socket socket, DataLinks data, boolean usePasv) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.data = data;
        this.usePasv = usePasv;
    }

    /** Connects and reads the greeting (which must be 220). */
    static ControlConnection open(String host, int port, DataLinks data, boolean usePasv) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), data.timeoutMillis());
            socket.setSoTimeout(data.timeoutMillis());
            ControlConnection c = new ControlConnection(socket, data, usePasv);
            c.readReply().expect(220);
            return c;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** USER, PASS when asked for, then TYPE I. */
    void login(String user, String password) throws IOException {
        Reply r = command("USER " + user);
        if (r.code() == 331) {
            r = command("PASS " + password);
        }
        r.expect(230);
        command("TYPE I").expect(200);
    }

    Reply command(String text) throws IOException {
        send(text);
        return readReply();
    }

    void send(String text) throws IOException {
        byte[] bytes = (text + "\r\n").getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
    }

    /** The next reply; for a multi-line reply, its closing line. */
    Reply readReply() throws IOException {
        String first = readLine();
        int code = codeOf(first);
        if (first.length() > 3 && first.charAt(3) == '-') {
            String last;
            do {
                last = readLine();
            } while (!closes(last, code));
            return new Reply(code, last);
        }
        return new Reply(code, first);
    }

    /** Opens a passive data connection: EPSV, falling back to PASV for good when the server refuses it. */
    SocketChannel openData() throws IOException {
        String host = socket.getInetAddress().getHostAddress();
        if (!usePasv) {
            Reply r = command("EPSV");
            if (r.code() == 229) {
                return data.connect(host, PassiveReplies.epsvPort(r.line()));
            }
            if (!r.isNotImplemented()) {
                throw new Reply.UnexpectedReplyException(r);
            }
            usePasv = true;
        }
        Reply r = command("PASV").expect(227);
        return data.connect(host, PassiveReplies.pasvPort(r.line()));
    }

    /** QUIT, ignoring a server that closes first. */
    void quit() {
        try {
            command("QUIT");
        } catch (IOException e) {
            // the session ends either way
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** A multi-line reply ends with a line of the same code followed by a space (or nothing). */
    private static boolean closes(String line, int code) {
        if (line.length() < 3 || (line.length() > 3 && line.charAt(3) != ' ')) {
            return false;
        }
        for (int i = 0, c = code; i < 3; i++, c /= 10) {
            if (line.charAt(2 - i) != '0' + c % 10) {
                return false;
            }
        }
        return true;
    }

    private static int codeOf(String line) throws IOException {
        if (line.length() < 3) {
            throw new IOException("malformed reply: " + line);
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char ch = line.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IOException("malformed reply: " + line);
            }
            code = code * 10 + (ch - '0');
        }
        return code;
    }

    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    throw new EOFException("control connection closed by the server");
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }
}
