package org.ftpd.api;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A channel from {@link FtpFileSystem#openForWrite} that tells a finished upload from a broken one. Closing it
 * commits the upload (an atomic upload then replaces the target); {@link #abort()} ends it as failed, and the
 * filesystem applies its policy for broken uploads (the target left as it was, or the partial file kept for a
 * later resume).
 *
 * @since 1.1
 */
@ConsumerType
public interface UploadChannel extends SeekableByteChannel {

    /**
     * Ends the upload as failed and closes the channel. Does nothing when the channel is already closed; a
     * {@link #close()} after it does nothing either.
     */
    void abort() throws IOException;

    /** Aborts {@code channel} when it is an {@link UploadChannel}, else closes it. */
    static void abort(SeekableByteChannel channel) throws IOException {
        if (channel instanceof UploadChannel upload) {
            upload.abort();
        } else {
            channel.close();
        }
    }
}
