package org.ftpd.protocol.internal.command;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.data.DataChannelSource;
import org.ftpd.protocol.internal.data.Transfer;
import org.ftpd.protocol.internal.session.FtpSession;
import org.ftpd.protocol.internal.tls.DataChannelTls;
import org.ftpd.protocol.internal.tls.TlsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The common run of a transfer command: 150, get the data connection, transfer, final reply. */
final class DataTransfers {

    private static final Logger LOG = LoggerFactory.getLogger(DataTransfers.class);

    private DataTransfers() {
    }

    /**
     * The data connection PASV/EPSV/PORT/EPRT prepared, or a 425 reply; or 521 when TLS is required on data
     * connections and PROT P was not given (the prepared connection is then dropped).
     */
    static DataChannelSource require(CommandContext ctx) throws ReplyException {
        FtpSession session = ctx.session();
        DataChannelSource source = session.dataSource();
        if (source == null) {
            throw new ReplyException(425, "Use PORT, EPRT, PASV or EPSV first.");
        }
        FtpReply refusal = TlsPolicy.dataRefusal(ctx.settings(), session.tls(), session.userName());
        if (refusal != null) {
            session.dataSource(null);
            throw new ReplyException(refusal);
        }
        return source;
    }

    /**
     * Sends {@code preliminary}, waits for the data connection and runs the transfer {@code start} makes of it.
     *
     * @param onNoConnection releases what was prepared (an open file, a listing) when there is no connection
     */
    static CompletionStage<FtpReply> run(CommandContext ctx, FtpReply preliminary,
            Function<Channel, Transfer> start, Runnable onNoConnection) {
        FtpSession session = ctx.session();
        DataChannelSource source = session.dataSource();
        if (source == null) {
            // ABOR closed it while the command was preparing
            onNoConnection.run();
            return CompletableFuture.completedFuture(FtpReply.of(425, "Can't open data connection."));
        }
        ctx.send(preliminary);
        return source.connect().handle((channel, error) -> {
            if (session.dataSource() == source) {
                session.takeDataSource();
            }
            source.close();
            if (error != null) {
                LOG.info("{}: no data connection: {}", session, FileErrors.unwrap(error).getMessage());
                onNoConnection.run();
                return CompletableFuture.completedFuture(FtpReply.of(425, "Can't open data connection."));
            }
            if (!ctx.channel().isActive()) {
                channel.close();
                onNoConnection.run();
                return CompletableFuture.completedFuture(FtpReply.of(426, "Connection closed; transfer aborted."));
            }
            if (session.tls().privateData()) {
                return protectThenStart(ctx, channel, start, onNoConnection);
            }
            return start.apply(channel).start();
        }).thenCompose(stage -> stage);
    }

    /** PROT P: the TLS handshake (and session reuse check) first, then the transfer. */
    private static CompletionStage<FtpReply> protectThenStart(CommandContext ctx, Channel channel,
            Function<Channel, Transfer> start, Runnable onNoConnection) {
        return DataChannelTls.secure(ctx.server().tls(), ctx.settings(), ctx.session(), channel)
                .handle((secured, error) -> {
                    if (error != null) {
                        onNoConnection.run();
                        Throwable cause = FileErrors.unwrap(error);
                        return CompletableFuture.completedFuture(cause instanceof DataChannelTls.Refused refused
                                ? refused.reply() : FtpReply.of(425, "Can't open data connection."));
                    }
                    if (!ctx.channel().isActive()) {
                        secured.close();
                        onNoConnection.run();
                        return CompletableFuture.completedFuture(
                                FtpReply.of(426, "Connection closed; transfer aborted."));
                    }
                    return start.apply(secured).start();
                }).thenCompose(stage -> stage);
    }

    /** Closes a file channel off the loop, for the failure paths. */
    static Runnable closing(CommandContext ctx, java.io.Closeable resource) {
        return () -> ctx.blocking(() -> {
            resource.close();
            return null;
        });
    }
}
