package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The MLSD unique id, made from a provider's file key. */
class FileFactsTest {

    @Test
    void theJdksKeyBecomesDeviceAndInodeInHex() {
        assertEquals("803g1a2b", FileFacts.uniqueId("(dev=803,ino=6699)"));
        assertEquals("fe01gffffffffffffffff", FileFacts.uniqueId("(dev=fe01,ino=-1)"), "an inode past Long.MAX_VALUE");
    }

    @Test
    void otherKeysAreUsedAsTheyPrint() {
        assertEquals("42", FileFacts.uniqueId(42));
        assertEquals("(dev=803,ino=x)", FileFacts.uniqueId("(dev=803,ino=x)"));
        assertEquals("(dev=,ino=1)", FileFacts.uniqueId("(dev=,ino=1)"));
        assertNull(FileFacts.uniqueId(null));
    }
}
