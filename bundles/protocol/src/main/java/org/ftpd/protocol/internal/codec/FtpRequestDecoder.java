package org.ftpd.protocol.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns one framed line (delimiter already stripped) into an {@link FtpRequest}. Telnet commands (IAC ...) that
 * clients send around ABOR are dropped; a line that is not valid UTF-8 becomes {@link FtpRequest#MALFORMED}.
 */
@Sharable
public final class FtpRequestDecoder extends MessageToMessageDecoder<ByteBuf> {

    public static final FtpRequestDecoder INSTANCE = new FtpRequestDecoder();

    private static final int IAC = 0xFF;
    /** Goes on while bytes are ASCII (a byte of 0x80 or more is negative in Java). */
    private static final ByteProcessor ASCII = b -> b >= 0;

    private FtpRequestDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        out.add(decode(line));
    }

    static FtpRequest decode(ByteBuf line) {
        if (line.forEachByte(ASCII) < 0) {
            // nearly every command line is plain ASCII (and so holds no telnet IAC, 0xFF): read it as it is,
            // without the copy and the strict UTF-8 decoder that other lines need
            String text = line.toString(StandardCharsets.US_ASCII);
            line.skipBytes(line.readableBytes());
            int length = text.length();
            while (length > 0 && text.charAt(length - 1) == '\r') {
                length--;
            }
            return parseChecked(length == text.length() ? text : text.substring(0, length));
        }
        byte[] bytes = withoutTelnetCommands(line);
        int length = bytes.length;
        // a lone CR left at the end (a client ending lines with CR CR LF) is no part of the command
        while (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
        } catch (CharacterCodingException e) {
            return FtpRequest.MALFORMED;
        }
        return parseChecked(chars.toString());
    }

    private static FtpRequest parseChecked(String text) {
        if (text.indexOf('\0') >= 0) {
            return FtpRequest.MALFORMED;
        }
        return FtpRequest.parse(text);
    }

    private static byte[] withoutTelnetCommands(ByteBuf line) {
        int n = line.readableBytes();
        byte[] out = new byte[n];
        int len = 0;
        int i = line.readerIndex();
        int end = i + n;
        while (i < end) {
            int b = line.getByte(i) & 0xFF;
            if (b == IAC && i + 1 < end) {
                int next = line.getByte(i + 1) & 0xFF;
                if (next == IAC) {
                    out[len++] = (byte) IAC;
                    i += 2;
                    continue;
                }
                // IAC WILL/WONT/DO/DONT carry an option byte; other commands (IP, DM, ...) stand alone
                i += (next >= 251 && next <= 254) ? 3 : 2;
                continue;
            }
            out[len++] = (byte) b;
            i++;
        }
        line.skipBytes(n);
        return len == n ? out : java.util.Arrays.copyOf(out, len);
    }
}
