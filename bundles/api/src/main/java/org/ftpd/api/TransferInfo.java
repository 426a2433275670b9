package org.ftpd.api;

import java.time.Duration;

/**
 * A finished (or broken off) transfer.
 *
 * @param path the virtual path of the file
 * @param bytes how many bytes crossed the data connection
 * @param duration how long the transfer took
 * @param complete whether the whole file went through
 */
public record TransferInfo(String path, long bytes, Duration duration, boolean complete) {
}
