package org.ftpd.bench;

import java.io.IOException;

/** One operation: connect, USER, PASS, QUIT, close (the whole life of a session). */
final class LoginClient implements LoadClient {

    private final Target target;
    private final DataLinks links;
    private volatile ControlConnection current;

    LoginClient(Target target, DataLinks links) {
        this.target = target;
        this.links = links;
    }

    @Override
    public void open() {
        // every operation is a new connection
    }

    @Override
    public long once() throws IOException {
        ControlConnection c = ControlConnection.open(target.host(), target.port(), links, false);
        current = c;
        try {
            Reply r = c.command("USER " + target.user());
            if (r.code() == 331) {
                r = c.command("PASS " + target.password());
            }
            r.expect(230);
            c.command("QUIT").expect(221);
        } finally {
            c.close();
        }
        return 0;
    }

    @Override
    public void close() {
        // nothing outlives an operation
    }

    @Override
    public void abort() {
        ControlConnection c = current;
        if (c != null) {
            c.close();
        }
    }
}
