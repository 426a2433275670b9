package org.ftpd.bench;

import java.io.IOException;

/** One FTP reply: its code and its last line (multi-line replies keep only the closing line). */
record Reply(int code, String line) {

    /** This reply when its code is one of {@code codes}; otherwise an IOException naming what came back. */
    Reply expect(int... codes) throws IOException {
        for (int c : codes) {
            if (code == c) {
                return this;
            }
        }
        throw new UnexpectedReplyException(this);
    }

    boolean isNotImplemented() {
        return code == 500 || code == 502 || code == 504;
    }

    /** A reply the exchange did not allow. */
    static final class UnexpectedReplyException extends IOException {
        private static final long serialVersionUID = 1L;

        UnexpectedReplyException(Reply reply) {
            super("unexpected reply: " + reply.line());
        }
    }
}
