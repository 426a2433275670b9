package org.ftpd.bench;

/** A case to run and with how many clients (for {@code idle}: how many sessions). */
record CaseSpec(CaseKind kind, int clients) {

    /** {@code NAME} or {@code NAME:CLIENTS}; without a count, {@code clients} if positive, else the case's default. */
    static CaseSpec parse(String text, int clients) {
        int colon = text.indexOf(':');
        CaseKind kind = CaseKind.of(colon < 0 ? text : text.substring(0, colon));
        int n = colon < 0 ? (clients > 0 ? clients : kind.defaultClients)
                : Options.parsePositive(text.substring(colon + 1), "clients of " + kind.label());
        return new CaseSpec(kind, n);
    }
}
