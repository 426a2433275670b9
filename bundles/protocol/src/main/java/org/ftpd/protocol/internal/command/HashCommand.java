package org.ftpd.protocol.internal.command;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;
import org.ftpd.protocol.internal.session.FtpSession;
import org.ftpd.protocol.internal.session.HashAlgorithm;

/**
 * HASH (draft-bryan-ftpext-hash): the digest of a whole file with the session's algorithm, as a TYPE I download
 * would see the bytes: {@code 213 SHA-256 0-<last byte> <hex> <path>}. The file is read off the loop; a few
 * files are hashed at once per server, more are answered 450 (busy, retry later), so hashing never takes
 * every blocking thread. Permission {@code r}: the digest tells about the content.
 */
final class HashCommand extends PathCommand {

    /** Files hashed at the same time, server-wide. */
    static final int CONCURRENT_HASHES = 4;
    private static final int BUFFER = 64 * 1024;

    private final Semaphore slots = new Semaphore(CONCURRENT_HASHES);

    HashCommand() {
        super("HASH", Permission.RETRIEVE, "HASH <SP> file-name (get the file's cryptographic hash).");
    }

    @Override
    public String feature() {
        return feature(HashAlgorithm.DEFAULT);
    }

    @Override
    public String feature(FtpSession session) {
        return feature(session.hashAlgorithm());
    }

    /** {@code HASH SHA-256*;SHA-1;MD5}: every algorithm, the selected one starred. */
    private static String feature(HashAlgorithm selected) {
        StringBuilder sb = new StringBuilder("HASH ");
        for (HashAlgorithm a : HashAlgorithm.values()) {
            if (sb.length() > 5) {
                sb.append(';');
            }
            sb.append(a.ianaName()).append(a == selected ? "*" : "");
        }
        return sb.toString();
    }

    @Override
    protected CompletionStage<FtpReply> execute(CommandContext ctx, String path, String argument)
            throws ReplyException {
        if (!slots.tryAcquire()) {
            throw new ReplyException(450, "Busy hashing other files; try again later.");
        }
        FtpFileSystem fs = ctx.session().fileSystem();
        HashAlgorithm algorithm = ctx.session().hashAlgorithm();
        String name = argument.trim();
        return ctx.blocking(() -> hash(fs, path, name, algorithm)).whenComplete((reply, error) -> slots.release());
    }

    /** @param name the path as the client wrote it, which the reply repeats */
    private static FtpReply hash(FtpFileSystem fs, String path, String name, HashAlgorithm algorithm)
            throws Exception {
        FtpFile file = fs.stat(path);
        if (file.isDirectory()) {
            throw new ReplyException(553, "Can't hash a directory.");
        }
        if (!file.isFile()) {
            throw new ReplyException(550, "Not a regular file.");
        }
        MessageDigest digest = algorithm.newDigest();
        long total;
        try (SeekableByteChannel in = fs.openForRead(path, 0)) {
            total = digestAll(in, digest);
        }
        // the range is inclusive, as in the draft's examples; an empty file is 0-0
        long last = Math.max(0, total - 1);
        return FtpReply.of(213, algorithm.ianaName() + " 0-" + last + " "
                + HexFormat.of().formatHex(digest.digest()) + " " + name);
    }

    private static long digestAll(SeekableByteChannel in, MessageDigest digest) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (n > 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
                total += n;
            }
        }
        return total;
    }
}
