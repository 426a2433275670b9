package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The MLSD unique id, made from a provider's file key. */
class FileFactsTest {

    @Test
    void theJdksKeyBecomesDeviceAndInodeInHex() {
        assertEquals("803g1a2b", FileFacts.uniqueId("(dev=803,ino=6699)"));
        assertEquals("fe01gffffffffffffffff", FileFacts.uniqueId("(dev=fe01,ino=-1)"), "an inode past Long.MAX_VALUE");
        assertEquals("803g0", FileFacts.uniqueId("(dev=803,ino=0)"));
    }

    @Test
    void everyInodeIsWrittenAsLongToHexStringWouldWriteIt() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            // inodes of every length, from one hex digit to sixteen
            long inode = random.nextLong() >>> random.nextInt(64);
            assertEquals("10302g" + Long.toHexString(inode), FileFacts.uniqueId("(dev=10302,ino=" + inode + ")"));
        }
    }

    @Test
    void otherKeysAreUsedAsTheyPrint() {
        assertEquals("42", FileFacts.uniqueId(42));
        assertEquals("(dev=803,ino=x)", FileFacts.uniqueId("(dev=803,ino=x)"));
        assertEquals("(dev=,ino=1)", FileFacts.uniqueId("(dev=,ino=1)"));
        assertNull(FileFacts.uniqueId(null));
    }
}
