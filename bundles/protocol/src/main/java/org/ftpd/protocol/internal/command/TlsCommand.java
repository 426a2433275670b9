package org.ftpd.protocol.internal.command;

import org.ftpd.protocol.internal.ServerContext;

/**
 * A command of RFC 4217's TLS negotiation (AUTH, PBSZ, PROT): allowed before login, and offered (in FEAT and
 * HELP) only while the server has a TLS provider.
 */
abstract class TlsCommand extends BaseCommand {

    TlsCommand(String verb, String help) {
        super(verb, null, false, help);
    }

    @Override
    public final boolean available(ServerContext server) {
        return server.tls() != null;
    }
}
