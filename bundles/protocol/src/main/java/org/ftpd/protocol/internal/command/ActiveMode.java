package org.ftpd.protocol.internal.command;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.data.ActiveDataTarget;
import org.ftpd.protocol.internal.data.Addresses;
import org.ftpd.protocol.internal.session.FtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What PORT and EPRT share: the anti-bounce checks (RFC 2577) and remembering the target. */
final class ActiveMode {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveMode.class);

    private ActiveMode() {
    }

    static void prepare(CommandContext ctx, InetSocketAddress requested) throws ReplyException {
        FtpSession session = ctx.session();
        ServerSettings settings = ctx.settings();
        InetAddress peer = session.remoteAddress().getAddress();
        // an unspecified address (lftp sends EPRT |2|::|port| from a socket bound to any address) can only mean
        // the client itself; connecting to it literally would reach this host instead
        InetSocketAddress target = requested.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(peer, requested.getPort()) : requested;
        if (!settings.permitForeignAddresses() && !Addresses.sameHost(target.getAddress(), peer)) {
            LOG.warn("{}: rejected data connection to foreign address {}", session, Addresses.format(target));
            throw new ReplyException(501, "Rejected data connection to foreign address "
                    + Addresses.format(target) + ".");
        }
        if (!settings.permitPrivilegedPorts() && target.getPort() < 1024) {
            LOG.warn("{}: rejected data connection to privileged port {}", session, target.getPort());
            throw new ReplyException(501, "Rejected data connection to privileged port " + target.getPort() + ".");
        }
        InetAddress local = Addresses.unmapped(session.localAddress().getAddress());
        session.dataSource(new ActiveDataTarget(ctx.server().transport(), ctx.channel().eventLoop(), target, local,
                settings.passiveAcceptTimeout()));
    }
}
