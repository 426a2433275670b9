package org.ftpd.protocol.internal.data;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.ftpd.protocol.internal.command.ReplyException;

/** Parsing and formatting of the address arguments of PORT, EPRT, PASV and EPSV, and address comparison. */
public final class Addresses {

    private Addresses() {
    }

    /** An IPv4-mapped IPv6 address as the IPv4 address it maps; anything else unchanged. */
    public static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    public static boolean sameHost(InetAddress a, InetAddress b) {
        return unmapped(a).equals(unmapped(b));
    }

    /** Parses PORT's {@code h1,h2,h3,h4,p1,p2}. */
    public static InetSocketAddress parsePort(String argument) throws ReplyException {
        String[] parts = argument.trim().split(",");
        if (parts.length != 6) {
            throw new ReplyException(501, "Invalid PORT format.");
        }
        byte[] ip = new byte[4];
        int[] numbers = new int[6];
        for (int i = 0; i < 6; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ReplyException(501, "Invalid PORT format.");
            }
            if (numbers[i] < 0 || numbers[i] > 255) {
                throw new ReplyException(501, "Invalid PORT format.");
            }
            if (i < 4) {
                ip[i] = (byte) numbers[i];
            }
        }
        int port = numbers[4] * 256 + numbers[5];
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new ReplyException(501, "Invalid PORT format.");
        }
    }

    /** Parses EPRT's {@code |proto|address|port|} (any delimiter in 33..126). */
    public static InetSocketAddress parseEprt(String argument) throws ReplyException {
        String arg = argument.trim();
        if (arg.length() < 7) {
            throw new ReplyException(501, "Invalid EPRT format.");
        }
        char d = arg.charAt(0);
        if (d < 33 || d > 126 || arg.charAt(arg.length() - 1) != d) {
            throw new ReplyException(501, "Invalid EPRT format.");
        }
        String[] parts = arg.substring(1, arg.length() - 1).split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
        if (parts.length != 3) {
            throw new ReplyException(501, "Invalid EPRT format.");
        }
        String proto = parts[0];
        if (!proto.equals("1") && !proto.equals("2")) {
            throw new ReplyException(522, "Network protocol not supported, use (1,2)");
        }
        InetAddress ip = literal(parts[1], proto.equals("1"));
        int port;
        try {
            port = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new ReplyException(501, "Invalid EPRT format.");
        }
        if (port < 1 || port > 65535) {
            throw new ReplyException(501, "Invalid EPRT port.");
        }
        return new InetSocketAddress(ip, port);
    }

    private static InetAddress literal(String text, boolean ipv4) throws ReplyException {
        boolean looksRight = ipv4 ? text.matches("\\d{1,3}(\\.\\d{1,3}){3}") : text.contains(":")
                && text.matches("[0-9A-Fa-f:.]+");
        if (!looksRight) {
            throw new ReplyException(501, "Invalid EPRT address.");
        }
        try {
            // a literal (checked above), so no name lookup happens
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new ReplyException(501, "Invalid EPRT address.");
        }
    }

    /** PASV's {@code h1,h2,h3,h4,p1,p2}. */
    public static String formatPasv(Inet4Address address, int port) {
        byte[] b = address.getAddress();
        return (b[0] & 0xFF) + "," + (b[1] & 0xFF) + "," + (b[2] & 0xFF) + "," + (b[3] & 0xFF) + ","
                + (port >> 8) + "," + (port & 0xFF);
    }

    /** The text for logs and replies: {@code host:port}, with IPv6 in brackets. */
    public static String format(InetSocketAddress address) {
        InetAddress a = unmapped(address.getAddress());
        String host = a.getHostAddress();
        return (a instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
