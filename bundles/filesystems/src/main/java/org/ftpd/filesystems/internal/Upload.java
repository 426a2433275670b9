package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ftpd.api.UploadChannel;

/**
 * The channel of one upload: counts what it adds against the quota before writing it, reports a full disk as
 * such, and ends through its {@link Ending}: closing commits (an atomic upload is renamed onto its target),
 * {@link #abort()} rolls back as the policy says. Errors name the virtual path.
 */
final class Upload implements UploadChannel, GatheringByteChannel {

    /** What happens when an upload ends; each hook runs at most once. */
    interface Ending {
        /** The upload succeeded and its channel is closed. */
        default void committed(Upload upload) throws IOException {
        }

        /** The upload failed; its channel is still open. */
        default void abortingOpen(Upload upload) throws IOException {
        }

        /** The upload failed and its channel is closed. */
        default void abortedClosed(Upload upload) throws IOException {
        }
    }

    private final SeekableByteChannel channel;
    private final String virtual;
    private final VirtualErrors errors;
    private final QuotaLedger quota;
    private final Ending ending;
    private final boolean append;
    private final AtomicBoolean open = new AtomicBoolean(true);
    /** The file's size as far as the quota knows it (kept only under a quota). */
    private long size;

    /**
     * @param size the file's size now
     * @param append whether every write goes to the end (the channel was opened with APPEND, whose position
     *     some providers do not keep at the end)
     */
    Upload(SeekableByteChannel channel, String virtual, VirtualErrors errors, QuotaLedger quota, long size,
            boolean append, Ending ending) {
        this.channel = channel;
        this.append = append;
        this.virtual = virtual;
        this.errors = errors;
        this.quota = quota;
        this.size = size;
        this.ending = ending;
        if (quota != null) {
            quota.uploadStarted();
        }
    }

    String virtualPath() {
        return virtual;
    }

    /** Bytes the file holds as the quota counts them. */
    long quotaSize() {
        return size;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (quota == null) {
            try {
                return channel.write(src);
            } catch (IOException e) {
                throw errors.translate(e, virtual);
            }
        }
        long position = append ? size : channel.position();
        long planned = Math.max(0, position + src.remaining() - size);
        quota.reserve(virtual, planned);
        int written;
        try {
            written = channel.write(src);
        } catch (IOException e) {
            quota.release(planned);
            throw errors.translate(e, virtual);
        } catch (RuntimeException e) {
            quota.release(planned);
            throw e;
        }
        long grown = Math.max(0, position + written - size);
        quota.release(planned - grown);
        size += grown;
        return written;
    }

    /** Many buffers in one system call when there is no quota to count against (the engine's upload batches). */
    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (quota == null && channel instanceof GatheringByteChannel gathering) {
            try {
                return gathering.write(srcs, offset, length);
            } catch (IOException e) {
                throw errors.translate(e, virtual);
            }
        }
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int expected = srcs[i].remaining();
            int written = write(srcs[i]);
            total += written;
            if (written < expected) {
                break;
            }
        }
        return total;
    }

    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return write(srcs, 0, srcs.length);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        channel.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) throws IOException {
        channel.truncate(newSize);
        if (quota != null && newSize < size) {
            quota.release(size - newSize);
            size = newSize;
        }
        return this;
    }

    /** Gives back to the quota all that this upload holds (its file is gone). */
    void releaseAll() {
        if (quota != null) {
            quota.release(size);
            size = 0;
        }
    }

    @Override
    public boolean isOpen() {
        return open.get() && channel.isOpen();
    }

    /** Commits the upload. When the channel cannot be closed (a full disk on flush) the upload is rolled back. */
    @Override
    public void close() throws IOException {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        try {
            try {
                channel.close();
            } catch (IOException e) {
                ending.abortedClosed(this);
                throw errors.translate(e, virtual);
            }
            ending.committed(this);
        } finally {
            ended();
        }
    }

    @Override
    public void abort() throws IOException {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        try {
            try {
                ending.abortingOpen(this);
            } finally {
                channel.close();
            }
            ending.abortedClosed(this);
        } finally {
            ended();
        }
    }

    private void ended() {
        if (quota != null) {
            quota.uploadEnded();
        }
    }
}
