package org.ftpd.protocol.internal.codec;

import java.util.List;

/**
 * A reply to the client: a three-digit code and one or more lines of text. Multi-line replies are written as
 * {@code ddd-first}, the middle lines, then {@code ddd last}.
 */
public record FtpReply(int code, List<String> lines) {

    public FtpReply {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("not an FTP reply code: " + code);
        }
        lines = List.copyOf(lines.isEmpty() ? List.of("") : lines);
    }

    public static FtpReply of(int code, String text) {
        return new FtpReply(code, List.of(text));
    }

    public static FtpReply of(int code, List<String> lines) {
        return new FtpReply(code, lines);
    }

    /** Whether the code says the command failed (4xx or 5xx). */
    public boolean isError() {
        return code >= 400;
    }

    /** Whether the code is preliminary (1xx): another reply follows. */
    public boolean isPreliminary() {
        return code < 200;
    }

    @Override
    public String toString() {
        return code + " " + String.join(" / ", lines);
    }
}
