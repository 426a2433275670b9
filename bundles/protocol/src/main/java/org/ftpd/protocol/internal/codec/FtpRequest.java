package org.ftpd.protocol.internal.codec;

import java.util.Locale;

/**
 * One command line from the client.
 *
 * @param verb the command name in upper case ({@code RETR}); empty for an empty or unusable line
 * @param argument what followed the first space, unchanged (may be empty, never null)
 * @param kind whether the line could be read at all
 */
public record FtpRequest(String verb, String argument, Kind kind) {

    /** What the decoder made of a line. */
    public enum Kind {
        /** A decoded command line. */
        COMMAND,
        /** Not valid UTF-8 (or containing NUL). */
        MALFORMED,
        /** Longer than the line limit; its bytes were discarded. */
        TOO_LONG
    }

    public static final FtpRequest MALFORMED = new FtpRequest("", "", Kind.MALFORMED);
    public static final FtpRequest TOO_LONG = new FtpRequest("", "", Kind.TOO_LONG);

    /** Splits a decoded line into verb and argument. */
    public static FtpRequest parse(String line) {
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1);
        return new FtpRequest(verb.toUpperCase(Locale.ROOT), argument, Kind.COMMAND);
    }

    public boolean isCommand() {
        return kind == Kind.COMMAND;
    }

    @Override
    public String toString() {
        if (kind != Kind.COMMAND) {
            return "<" + kind + " line>";
        }
        // PASS arguments never reach a log
        return verb.equals("PASS") ? "PASS ****" : (argument.isEmpty() ? verb : verb + " " + argument);
    }
}
