package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.ftpd.api.UploadChannel;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.command.CommandContext;
import org.ftpd.protocol.internal.command.FileErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOR, APPE: writes what arrives to the file, off the loop. The data channel reads only when the previous
 * batch is on disk (auto-read is off; each {@code read()} asks for one more batch), so a fast client never
 * fills the heap. The client closing the connection ends the file; a reset breaks the transfer.
 */
public final class FileReceiver extends Transfer {

    private static final Logger LOG = LoggerFactory.getLogger(FileReceiver.class);
    private static final FtpReply WRITE_ERROR = FtpReply.of(451, "Requested action aborted: error writing the file.");

    private final SeekableByteChannel file;
    private final AsciiConversion.FromNetwork ascii;
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean endOfData;
    private boolean broken;

    public FileReceiver(CommandContext ctx, Channel data, String path, SeekableByteChannel file, boolean ascii) {
        super(ctx, data, path, Kind.UPLOAD, file);
        this.file = file;
        this.ascii = ascii ? new AsciiConversion.FromNetwork() : null;
    }

    @Override
    protected void begin() {
        data.read();
    }

    @Override
    protected void received(ByteBuf message) {
        if (done()) {
            message.release();
            return;
        }
        bytes += message.readableBytes();
        queue.add(message);
    }

    @Override
    protected void readComplete() {
        if (!writing) {
            writeNext();
        }
    }

    @Override
    protected void dataClosed() {
        endOfData = true;
        if (!writing) {
            writeNext();
        }
    }

    @Override
    protected void dataFailed(Throwable cause) {
        broken = true;
        super.dataFailed(cause);
    }

    private void writeNext() {
        if (done()) {
            return;
        }
        if (queue.isEmpty()) {
            if (endOfData) {
                finish(!broken, broken ? BROKEN : COMPLETE);
            } else {
                data.read();
            }
            return;
        }
        List<ByteBuf> batch = new ArrayList<>(queue);
        queue.clear();
        writing = true;
        io(() -> {
            try {
                for (ByteBuf buf : batch) {
                    write(buf);
                }
            } finally {
                batch.forEach(ByteBuf::release);
            }
            return null;
        }).whenComplete((v, error) -> {
            writing = false;
            if (done()) {
                return;
            }
            if (error != null) {
                finish(false, FileErrors.transferFailure(error, ctx.session(), WRITE_ERROR));
                return;
            }
            writeNext();
        });
    }

    private void write(ByteBuf buf) throws IOException {
        if (ascii == null) {
            writeFully(buf);
            return;
        }
        ByteBuf converted = ascii.convert(buf, data.alloc());
        try {
            writeFully(converted);
        } finally {
            converted.release();
        }
    }

    private void writeFully(ByteBuf buf) throws IOException {
        for (ByteBuffer part : buf.nioBuffers()) {
            while (part.hasRemaining()) {
                file.write(part);
            }
        }
    }

    @Override
    protected void beforeClose(boolean complete) throws IOException {
        // a broken upload is aborted, so the filesystem can drop it (atomic uploads, partial-file policy);
        // the close that follows then does nothing
        if (!complete) {
            UploadChannel.abort(file);
            return;
        }
        if (ascii != null) {
            try {
                ByteBuffer rest = ByteBuffer.wrap(ascii.finish());
                while (rest.hasRemaining()) {
                    file.write(rest);
                }
            } catch (IOException | RuntimeException e) {
                UploadChannel.abort(file);
                throw e;
            }
        }
    }

    @Override
    protected void released() {
        ByteBuf buf;
        while ((buf = queue.poll()) != null) {
            buf.release();
        }
    }
}
