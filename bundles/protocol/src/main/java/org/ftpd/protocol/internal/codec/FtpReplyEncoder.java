package org.ftpd.protocol.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes {@link FtpReply} values as CRLF-terminated UTF-8 lines. */
@Sharable
public final class FtpReplyEncoder extends MessageToByteEncoder<FtpReply> {

    public static final FtpReplyEncoder INSTANCE = new FtpReplyEncoder();

    private FtpReplyEncoder() {
        super(FtpReply.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, FtpReply reply, ByteBuf out) {
        out.writeBytes(format(reply).getBytes(StandardCharsets.UTF_8));
    }

    /** The reply as it goes on the wire. */
    public static String format(FtpReply reply) {
        String code = Integer.toString(reply.code());
        List<String> lines = reply.lines();
        StringBuilder sb = new StringBuilder(64);
        int last = lines.size() - 1;
        for (int i = 0; i <= last; i++) {
            String text = singleLine(lines.get(i));
            if (i == 0) {
                sb.append(code).append(last == 0 ? ' ' : '-').append(text);
            } else if (i == last) {
                sb.append(code).append(' ').append(text);
            } else {
                // a middle line that looks like "ddd " would end the reply early for the client: indent it
                sb.append(looksLikeReplyStart(text) ? " " + text : text);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static String singleLine(String text) {
        // a CR or LF inside a text (a file name, a message) must never start a new reply line
        if (text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    private static boolean looksLikeReplyStart(String text) {
        return text.length() >= 4 && Character.isDigit(text.charAt(0)) && Character.isDigit(text.charAt(1))
                && Character.isDigit(text.charAt(2)) && (text.charAt(3) == ' ' || text.charAt(3) == '-');
    }
}
