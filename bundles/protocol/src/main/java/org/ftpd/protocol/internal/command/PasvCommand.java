package org.ftpd.protocol.internal.command;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionStage;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.Addresses;

/** PASV: 227 with the IPv4 address (or the masquerade address) and port to connect to. */
final class PasvCommand extends BaseCommand {

    PasvCommand() {
        super("PASV", null, true, "PASV (open passive data connection).");
    }

    @Override
    public CompletionStage<FtpReply> execute(CommandContext ctx, String argument) throws ReplyException {
        if (ctx.session().epsvAll()) {
            throw new ReplyException(503, "PASV not allowed after EPSV ALL.");
        }
        InetAddress local = Addresses.unmapped(ctx.session().localAddress().getAddress());
        String masquerade = announcedAddress(ctx.settings(), local);
        if (masquerade == null && !(local instanceof Inet4Address)) {
            throw new ReplyException(425, "PASV is IPv4 only on this connection; use EPSV.");
        }
        Inet4Address announced;
        try {
            // the masquerade address is an IPv4 literal (checked when configured): no lookup happens
            announced = masquerade == null ? (Inet4Address) local : (Inet4Address) InetAddress.getByName(masquerade);
        } catch (UnknownHostException | ClassCastException e) {
            throw new ReplyException(425, "Can't open passive connection.");
        }
        return PassiveMode.listen(ctx, listener -> FtpReply.of(227,
                "Entering Passive Mode (" + Addresses.formatPasv(announced, listener.port()) + ")."));
    }

    /**
     * What PASV announces for a connection to {@code local} (behind NAT): the masquerade.address.map entry for
     * that address, else masquerade.address, else null (the local address itself).
     */
    static String announcedAddress(ServerSettings settings, InetAddress local) {
        String mapped = settings.masqueradeAddressMap().get(local.getHostAddress());
        return mapped != null ? mapped : settings.masqueradeAddress();
    }
}
