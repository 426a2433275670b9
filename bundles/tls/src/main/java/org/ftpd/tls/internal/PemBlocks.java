package org.ftpd.tls.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -----BEGIN X-----} ... {@code -----END X-----} blocks of a PEM file (RFC 7468), decoded. Text
 * around the blocks (as {@code openssl x509 -text} writes) is ignored.
 */
final class PemBlocks {

    /** One decoded block: its label (e.g. {@code CERTIFICATE}) and its DER bytes. */
    record Block(String label, byte[] der) {
    }

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemBlocks() {
    }

    /** @throws IllegalArgumentException when a block is not valid base64 or carries legacy encryption headers */
    static List<Block> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            String body = m.group(2);
            if (body.contains(":")) {
                // "Proc-Type: 4,ENCRYPTED" and friends: OpenSSL's legacy encrypted PKCS#1/SEC1 format
                throw new IllegalArgumentException("the " + label + " block has headers (legacy OpenSSL encryption);"
                        + " convert it to PKCS#8: openssl pkcs8 -topk8 -in old.pem -out new.pem");
            }
            try {
                blocks.add(new Block(label, Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + label + " block is not valid base64");
            }
        }
        return blocks;
    }
}
