package org.ftpd.protocol.internal.command;

import org.ftpd.protocol.internal.codec.FtpReply;

/** Ends a command with an error reply; thrown by handlers, turned into the reply by the dispatcher. */
public final class ReplyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient FtpReply reply;

    public ReplyException(FtpReply reply) {
        super(reply.toString(), null, false, false);
        this.reply = reply;
    }

    public ReplyException(int code, String text) {
        this(FtpReply.of(code, text));
    }

    public FtpReply reply() {
        return reply;
    }
}
