package org.ftpd.bench;

import java.util.Locale;

/** The workloads, each with its default number of clients and the unit of its headline figure. */
enum CaseKind {
    LOGINS(20, "logins/s", "connect, USER, PASS, QUIT in a loop"),
    RETR(1, "MB/s", "RETR of one (large) file in a loop"),
    STOR(1, "MB/s", "STOR of --stor-size bytes in a loop"),
    RETR_SMALL(50, "transfers/s", "RETR of one small file in a loop"),
    STOR_SMALL(50, "transfers/s", "STOR of --small-size bytes in a loop"),
    LIST(4, "listings/s", "MLSD (or LIST) of one directory in a loop"),
    IDLE(2000, "sessions", "log in CLIENTS sessions, hold them, NOOP each: sessions that answered");

    final int defaultClients;
    final String unit;
    final String description;

    CaseKind(int defaultClients, String unit, String description) {
        this.defaultClients = defaultClients;
        this.unit = unit;
        this.description = description;
    }

    /** The name on the command line and in reports: {@code retr_small}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CaseKind of(String label) {
        for (CaseKind k : values()) {
            if (k.label().equals(label.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown case " + label + " (cases: " + labels() + ")");
    }

    static String labels() {
        StringBuilder b = new StringBuilder();
        for (CaseKind k : values()) {
            b.append(b.length() == 0 ? "" : ",").append(k.label());
        }
        return b.toString();
    }
}
