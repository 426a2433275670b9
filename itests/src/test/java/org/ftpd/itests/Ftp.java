package org.ftpd.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/** Small helpers around Apache Commons Net's FTPClient, always against the loopback address. */
final class Ftp {

    static final String HOST = "127.0.0.1";

    private Ftp() {
    }

    /** A connected client that has read a positive greeting; the caller logs in and closes it. */
    static FTPClient connect(int port) throws IOException {
        FTPClient client = new FTPClient();
        client.setConnectTimeout(5_000);
        client.setDefaultTimeout(15_000);
        client.setDataTimeout(Duration.ofSeconds(15));
        client.connect(HOST, port);
        if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
            String greeting = client.getReplyString();
            close(client);
            throw new IOException("greeting refused: " + greeting);
        }
        client.setSoTimeout(15_000);
        return client;
    }

    /** A client logged in as {@code user}, in passive binary mode. */
    static FTPClient login(int port, String user, String password) throws IOException {
        FTPClient client = connect(port);
        if (!client.login(user, password)) {
            String reply = client.getReplyString();
            close(client);
            throw new IOException("login of " + user + " refused: " + reply);
        }
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        return client;
    }

    /** True when {@code user} can log in right now. */
    static boolean canLogIn(int port, String user, String password) {
        try {
            close(login(port, user, password));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean upload(FTPClient client, String name, byte[] content) throws IOException {
        return client.storeFile(name, new ByteArrayInputStream(content));
    }

    static byte[] download(FTPClient client, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!client.retrieveFile(name, out)) {
            throw new IOException("RETR " + name + " failed: " + client.getReplyString());
        }
        return out.toByteArray();
    }

    /** True when an FTP server on {@code port} accepts a connection and greets with 220. */
    static boolean greets(int port) {
        try {
            close(connect(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when nothing listens on {@code port} any more (the connection is refused). */
    static boolean refuses(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 2_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void close(FTPClient client) {
        if (client == null || !client.isConnected()) {
            return;
        }
        try {
            client.logout();
        } catch (IOException ignored) {
            // the server may already have closed the session; disconnecting is all that matters
        }
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
