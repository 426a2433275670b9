package org.ftpd.protocol.internal.throttle;

import java.util.Locale;

/**
 * Reads a rate in bytes per second as configured: a whole number, optionally followed by {@code k}, {@code m}
 * or {@code g} (binary multiples: {@code 512k} = 524288, {@code 10m} = 10485760); {@code 0} means no limit.
 */
public final class ByteRates {

    /** 1 TiB/s: far above any link, low enough that the arithmetic never overflows. */
    static final long MAX = 1L << 40;

    private ByteRates() {
    }

    /** @throws IllegalArgumentException with the reason when the text is not a rate */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("expected bytes per second, e.g. 1048576, 512k or 10m (0: no limit)");
        }
        int shift = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1).trim();
        if (digits.isEmpty() || digits.length() > 13 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected bytes per second, e.g. 1048576, 512k or 10m (0: no limit)");
        }
        long value = Long.parseLong(digits);
        if (value > MAX >> shift) {
            throw new IllegalArgumentException("more than 1 TiB per second");
        }
        return value << shift;
    }

    /** The stricter of two limits where 0 means none. */
    public static long stricter(long a, long b) {
        if (a <= 0) {
            return Math.max(b, 0);
        }
        return b <= 0 ? a : Math.min(a, b);
    }
}
