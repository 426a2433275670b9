package org.ftpd.bench;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** A client that logs in once and then repeats data transfers on the same session. */
abstract class SessionClient implements LoadClient {

    protected final Target target;
    protected final DataLinks links;
    private final boolean usePasv;
    protected volatile ControlConnection control;
    private volatile SocketChannel data;

    SessionClient(Target target, DataLinks links, boolean usePasv) {
        this.target = target;
        this.links = links;
        this.usePasv = usePasv;
    }

    @Override
    public void open() throws IOException {
        control = ControlConnection.open(target.host(), target.port(), links, usePasv);
        control.login(target.user(), target.password());
    }

    /** A fresh passive data connection, remembered so that {@link #abort()} can close it. */
    protected SocketChannel openData() throws IOException {
        SocketChannel channel = control.openData();
        data = channel;
        return channel;
    }

    /** The transfer's final reply (226 or 250), after the data connection is done. */
    protected void expectTransferDone() throws IOException {
        control.readReply().expect(226, 250);
    }

    @Override
    public void close() {
        ControlConnection c = control;
        if (c != null) {
            control = null;
            beforeQuit(c);
            c.quit();
        }
    }

    /** A last word on the session before QUIT (e.g. deleting what was uploaded); must not throw. */
    protected void beforeQuit(ControlConnection c) {
    }

    @Override
    public void abort() {
        ControlConnection c = control;
        if (c != null) {
            c.close();
        }
        SocketChannel d = data;
        if (d != null) {
            try {
                d.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
    }
}
