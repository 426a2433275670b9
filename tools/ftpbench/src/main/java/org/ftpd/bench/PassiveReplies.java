package org.ftpd.bench;

import java.io.IOException;

/** The port in a 229 (EPSV) or 227 (PASV) reply. */
final class PassiveReplies {

    private PassiveReplies() {
    }

    /** {@code 229 Entering Extended Passive Mode (|||port|)}: the delimiter is whatever follows the '('. */
    static int epsvPort(String line) throws IOException {
        int open = line.indexOf('(');
        if (open < 0 || open + 4 >= line.length()) {
            throw new IOException("malformed EPSV reply: " + line);
        }
        char d = line.charAt(open + 1);
        int start = open + 4;
        int end = line.indexOf(d, start);
        if (line.charAt(open + 2) != d || line.charAt(open + 3) != d || end < 0) {
            throw new IOException("malformed EPSV reply: " + line);
        }
        return parsePort(line.substring(start, end), line);
    }

    /** {@code 227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)}, brackets optional. */
    static int pasvPort(String line) throws IOException {
        int[] numbers = new int[6];
        int found = 0;
        int i = 4;
        while (i < line.length() && found < 6) {
            if (Character.isDigit(line.charAt(i))) {
                int value = 0;
                while (i < line.length() && Character.isDigit(line.charAt(i))) {
                    value = value * 10 + (line.charAt(i++) - '0');
                    if (value > 255) {
                        throw new IOException("malformed PASV reply: " + line);
                    }
                }
                numbers[found++] = value;
            } else {
                i++;
            }
        }
        if (found < 6) {
            throw new IOException("malformed PASV reply: " + line);
        }
        return parsePort(String.valueOf(numbers[4] * 256 + numbers[5]), line);
    }

    private static int parsePort(String text, String line) throws IOException {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("bad port in passive reply: " + line);
    }
}
