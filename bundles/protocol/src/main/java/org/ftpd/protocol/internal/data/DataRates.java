package org.ftpd.protocol.internal.data;

import io.netty.channel.Channel;
import org.ftpd.api.Account;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.ServerContext;
import org.ftpd.protocol.internal.command.CommandContext;
import org.ftpd.protocol.internal.throttle.ByteRates;
import org.ftpd.protocol.internal.throttle.DataThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link DataThrottle} on a data channel with the session's limits: the server's {@code read.limit} /
 * {@code write.limit} (read live) and the user's account properties of the same names (fixed at login), the
 * stricter of the two.
 */
final class DataRates {

    private static final Logger LOG = LoggerFactory.getLogger(DataRates.class);

    private DataRates() {
    }

    static void install(CommandContext ctx, Channel data) {
        Account account = ctx.session().account();
        long userRead = userLimit(ctx, account, ServerSettings.READ_LIMIT);
        long userWrite = userLimit(ctx, account, ServerSettings.WRITE_LIMIT);
        ServerContext server = ctx.server();
        data.pipeline().addLast(DataThrottle.NAME, new DataThrottle(
                () -> ByteRates.stricter(server.settings().readLimit(), userRead),
                () -> ByteRates.stricter(server.settings().writeLimit(), userWrite), server.throttle()));
    }

    private static long userLimit(CommandContext ctx, Account account, String key) {
        String value = account == null ? null : account.property(key);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return ByteRates.parse(value);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: user {} has {} = '{}' ({}); the server's limit applies", ctx.session(),
                    account.userName(), key, value, e.getMessage());
            return 0;
        }
    }
}
