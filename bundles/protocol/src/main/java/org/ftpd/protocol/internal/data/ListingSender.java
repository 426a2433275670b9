package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.ftpd.protocol.internal.command.CommandContext;

/** LIST, NLST, MLSD: sends a listing prepared off the loop. */
public final class ListingSender extends Transfer {

    private final ByteBuf content;

    public ListingSender(CommandContext ctx, Channel data, String path, ByteBuf content) {
        super(ctx, data, path, Kind.LISTING, null);
        this.content = content;
    }

    @Override
    protected void begin() {
        bytes = content.readableBytes();
        data.writeAndFlush(content).addListener(f -> finish(f.isSuccess(), f.isSuccess() ? COMPLETE : BROKEN));
    }
}
