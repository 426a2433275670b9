package org.ftpd.protocol.internal.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
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
 * STOR, APPE: writes what arrives to the file, off the loop. Reading and writing overlap: the data channel keeps
 * reading (auto-read is off; each {@code read()} asks for one more batch) while the bytes received but not yet on
 * disk stay under {@link #HIGH_WATER}, and stops above it until the writer catches up, so a fast client never
 * fills the heap. The client closing the connection ends the file; a reset breaks the transfer.
 */
public final class FileReceiver extends Transfer {

    private static final Logger LOG = LoggerFactory.getLogger(FileReceiver.class);
    private static final FtpReply WRITE_ERROR = FtpReply.of(451, "Requested action aborted: error writing the file.");
    /** Bytes held in memory per upload at most (plus one read batch): above it the data channel stops reading. */
    static final int HIGH_WATER = 4 << 20;
    /** Large reads for uploads: fewer wake-ups and syscalls per gigabyte. */
    private static final AdaptiveRecvByteBufAllocator UPLOAD_READS =
            new AdaptiveRecvByteBufAllocator(64 << 10, 256 << 10, 1 << 20);

    private final SeekableByteChannel file;
    private final AsciiConversion.FromNetwork ascii;
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    /** Received and not yet on disk: the queue plus the batch being written. */
    private long unwritten;
    private boolean reading;
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
        data.config().setRecvByteBufAllocator(UPLOAD_READS);
        readMore();
    }

    @Override
    protected void received(ByteBuf message) {
        if (done()) {
            message.release();
            return;
        }
        int n = message.readableBytes();
        bytes += n;
        unwritten += n;
        queue.add(message);
    }

    @Override
    protected void readComplete() {
        reading = false;
        if (!writing) {
            writeNext();
        }
        readMore();
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

    /** Asks for the next batch unless one is asked for already or too much waits for the disk. */
    private void readMore() {
        if (reading || endOfData || done() || unwritten >= HIGH_WATER) {
            return;
        }
        reading = true;
        data.read();
    }

    private void writeNext() {
        if (done()) {
            return;
        }
        if (queue.isEmpty()) {
            if (endOfData) {
                // committed only while the client is there to be told: a client that vanishes closes its control
                // connection first, and Netty reports that close after the batch of reads that also saw the data
                // connection end, so the control channel itself is asked, not only our own state
                boolean complete = !broken && ctx.channel().isActive();
                finish(complete, complete ? COMPLETE : BROKEN);
            } else {
                readMore();
            }
            return;
        }
        ByteBuf[] batch = queue.toArray(new ByteBuf[0]);
        queue.clear();
        long batchBytes = 0;
        for (ByteBuf buf : batch) {
            batchBytes += buf.readableBytes();
        }
        long written = batchBytes;
        writing = true;
        io(() -> {
            try {
                writeBatch(batch);
            } finally {
                for (ByteBuf buf : batch) {
                    buf.release();
                }
            }
            return null;
        }).whenComplete((v, error) -> {
            writing = false;
            unwritten -= written;
            if (done()) {
                return;
            }
            if (error != null) {
                finish(false, FileErrors.transferFailure(error, ctx.session(), WRITE_ERROR));
                return;
            }
            writeNext();
            readMore();
        });
    }

    private void writeBatch(ByteBuf[] batch) throws IOException {
        if (ascii == null && file instanceof GatheringByteChannel gathering) {
            writeGathering(gathering, batch);
            return;
        }
        for (ByteBuf buf : batch) {
            write(buf);
        }
    }

    /** One system call for many buffers where the channel can (a plain file channel). */
    private static void writeGathering(GatheringByteChannel channel, ByteBuf[] batch) throws IOException {
        List<ByteBuffer> parts = new ArrayList<>(batch.length);
        long remaining = 0;
        for (ByteBuf buf : batch) {
            for (ByteBuffer part : buf.nioBuffers()) {
                parts.add(part);
                remaining += part.remaining();
            }
        }
        ByteBuffer[] array = parts.toArray(new ByteBuffer[0]);
        int first = 0;
        while (remaining > 0) {
            remaining -= channel.write(array, first, array.length - first);
            while (first < array.length && !array[first].hasRemaining()) {
                first++;
            }
        }
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
