package org.ftpd.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@code SITE <NAME>} extension (whiteboard: register as a service with {@value #NAME_PROPERTY} = NAME).
 */
@ConsumerType
public interface SiteCommand {

    /** Service property: the SITE sub-command this service answers, case-insensitive. */
    String NAME_PROPERTY = "ftpd.site.command";

    /**
     * Runs the command (off the network threads).
     *
     * @param session the calling session (logged in)
     * @param argument what followed the name, possibly empty
     */
    Reply execute(SessionInfo session, String argument);

    /** One line for HELP. */
    default String help() {
        return "";
    }

    /**
     * The FTP reply to send.
     *
     * @param code a three-digit FTP reply code
     * @param lines the reply text, one or more lines
     */
    record Reply(int code, List<String> lines) {
        public Reply {
            if (code < 100 || code > 599) {
                throw new IllegalArgumentException("not an FTP reply code: " + code);
            }
            lines = List.copyOf(lines.isEmpty() ? List.of("") : lines);
        }

        public static Reply of(int code, String text) {
            return new Reply(code, List.of(text));
        }
    }
}
