package org.ftpd.protocol.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static EmbeddedChannel decoding(int maxLength) {
        return new EmbeddedChannel(new LineBasedFrameDecoder(maxLength, true, true), FtpRequestDecoder.INSTANCE);
    }

    @Test
    void splitsVerbAndArgumentAndUppercasesTheVerb() {
        EmbeddedChannel ch = decoding(100);
        ch.writeInbound(ascii("retr my file.txt\r\nnoop\r\nCWD  two spaces\n"));
        assertEquals(new FtpRequest("RETR", "my file.txt", FtpRequest.Kind.COMMAND), ch.readInbound());
        assertEquals(new FtpRequest("NOOP", "", FtpRequest.Kind.COMMAND), ch.readInbound());
        // only the first space separates: the rest of the argument is kept as sent
        assertEquals(new FtpRequest("CWD", " two spaces", FtpRequest.Kind.COMMAND), ch.readInbound());
        assertNull(ch.readInbound());
    }

    @Test
    void aLineArrivingInPiecesIsOneRequest() {
        EmbeddedChannel ch = decoding(100);
        ch.writeInbound(ascii("ST"));
        ch.writeInbound(ascii("OR a"));
        assertNull(ch.readInbound());
        ch.writeInbound(ascii("\r\n"));
        assertEquals(new FtpRequest("STOR", "a", FtpRequest.Kind.COMMAND), ch.readInbound());
    }

    @Test
    void decodesUtf8AndFlagsInvalidBytes() {
        EmbeddedChannel ch = decoding(100);
        ch.writeInbound(ascii("MKD café\r\n"));
        assertEquals("café", ((FtpRequest) ch.readInbound()).argument());
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'M', 'K', 'D', ' ', (byte) 0xC3, '(', '\n'}));
        assertEquals(FtpRequest.MALFORMED, ch.readInbound());
    }

    @Test
    void dropsTelnetCommandsAroundAbor() {
        EmbeddedChannel ch = decoding(100);
        // IAC IP IAC DM "ABOR", as clients send to interrupt a transfer
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xF4, (byte) 0xFF, (byte) 0xF2,
            'A', 'B', 'O', 'R', '\r', '\n'}));
        assertEquals(new FtpRequest("ABOR", "", FtpRequest.Kind.COMMAND), ch.readInbound());
    }

    @Test
    void anOverlongLineFailsFastAndTheNextLineStillDecodes() {
        List<Throwable> errors = new ArrayList<>();
        EmbeddedChannel ch = decoding(16);
        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ctx.fireChannelRead(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
            }
        });
        ch.writeInbound(ascii("STOR " + "x".repeat(40)));
        assertEquals(1, errors.size());
        assertInstanceOf(TooLongFrameException.class, errors.get(0));
        ch.writeInbound(ascii("yyyy\r\nNOOP\r\n"));
        assertEquals(new FtpRequest("NOOP", "", FtpRequest.Kind.COMMAND), ch.readInbound());
        assertNull(ch.readInbound());
    }

    @Test
    void hidesPasswordsInLogs() {
        assertEquals("PASS ****", FtpRequest.parse("PASS hunter2").toString());
    }

    @Test
    void encodesSingleAndMultiLineReplies() {
        EmbeddedChannel ch = new EmbeddedChannel(FtpReplyEncoder.INSTANCE);
        ch.writeOutbound(FtpReply.of(200, "OK."));
        ch.writeOutbound(FtpReply.of(211, List.of("Features:", " UTF8", "211 looks like an end", "End.")));
        assertEquals("200 OK.\r\n", text(ch.readOutbound()));
        assertEquals("211-Features:\r\n UTF8\r\n 211 looks like an end\r\n211 End.\r\n", text(ch.readOutbound()));
    }

    @Test
    void lineBreaksInsideReplyTextCannotForgeLines() {
        assertEquals("550 a  b\r\n", FtpReplyEncoder.format(FtpReply.of(550, "a\r\nb")));
    }

    @Test
    void refusesCodesOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> FtpReply.of(99, "x"));
        assertThrows(IllegalArgumentException.class, () -> FtpReply.of(600, "x"));
    }

    private static String text(ByteBuf buf) {
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }
}
