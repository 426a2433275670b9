package org.ftpd.protocol.internal.command;

import java.net.InetAddress;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.Addresses;
import org.ftpd.protocol.internal.data.PassiveDataListener;
import org.ftpd.protocol.internal.session.FtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What PASV and EPSV share: open a listener on the control connection's local address. */
final class PassiveMode {

    private static final Logger LOG = LoggerFactory.getLogger(PassiveMode.class);

    private PassiveMode() {
    }

    static CompletionStage<FtpReply> listen(CommandContext ctx, Function<PassiveDataListener, FtpReply> reply) {
        FtpSession session = ctx.session();
        ServerSettings settings = ctx.settings();
        // a new PASV replaces the previous data connection, whatever it was
        session.dataSource(null);
        InetAddress local = Addresses.unmapped(session.localAddress().getAddress());
        InetAddress peer = session.remoteAddress().getAddress();
        return PassiveDataListener.bind(ctx.server().transport(), ctx.channel().eventLoop(), local,
                settings.passivePorts(), peer, settings.permitForeignAddresses(), settings.passiveAcceptTimeout())
                .handle((listener, error) -> {
                    if (error != null) {
                        LOG.warn("{}: cannot listen for data: {}",
                                session, FileErrors.unwrap(error).getMessage());
                        return settings.passivePorts() == null ? FtpReply.of(425, "Can't open passive connection.")
                                : FtpReply.of(425, "Can't open passive connection: no free port in the passive "
                                        + "range " + settings.passivePorts() + ".");
                    }
                    if (!ctx.channel().isActive()) {
                        listener.close();
                        return FtpReply.of(425, "Can't open passive connection.");
                    }
                    session.dataSource(listener);
                    return reply.apply(listener);
                });
    }
}
