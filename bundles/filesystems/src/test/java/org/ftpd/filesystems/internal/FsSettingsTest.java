package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FsSettingsTest {

    @Test
    void noConfigurationMeansTheDefaults() {
        FsSettings s = FsSettings.parse(Map.of());
        assertEquals(-1, s.umask(), "the process umask");
        assertEquals(false, s.atomicUploads());
        assertEquals(true, s.keepPartial());
        assertEquals(0, s.quotaBytes());
        assertEquals(64L * 1024 * 1024, s.memoryMaxBytes());
    }

    @Test
    void everyKeyIsRead() {
        FsSettings s = FsSettings.parse(Map.of("umask", "027", "upload.atomic", "true", "upload.partial", "Delete",
                "quota.bytes", "2g", "memory.max.bytes", "128k"));
        assertEquals(027, s.umask());
        assertTrue(s.atomicUploads());
        assertEquals(false, s.keepPartial());
        assertEquals(2L << 30, s.quotaBytes());
        assertEquals(128 * 1024, s.memoryMaxBytes());
    }

    @Test
    void typedValuesFromConfigurationAdmin() {
        FsSettings s = FsSettings.parse(Map.of("umask", 22, "upload.atomic", Boolean.TRUE, "quota.bytes", 5000L));
        assertEquals(022, s.umask(), "the digits of a typed number are read as octal");
        assertTrue(s.atomicUploads());
        assertEquals(5000, s.quotaBytes());
    }

    @Test
    void aBadValueNamesKeyValueAndReasonAndKeepsTheLastGoodOne() {
        FsSettings good = FsSettings.parse(Map.of("umask", "077", "upload.partial", "delete", "quota.bytes", "10"));
        List<FsSettings.Problem> problems = new ArrayList<>();
        FsSettings next = FsSettings.parse(Map.of("umask", "8", "upload.atomic", "yes", "upload.partial", "maybe",
                "quota.bytes", "-1", "memory.max.bytes", "1k"), good, problems);
        assertEquals(good, next, "every key kept its last good value");
        List<String> texts = problems.stream().map(Object::toString).toList();
        assertEquals(5, texts.size(), texts::toString);
        assertEquals("org.ftpd.fs: invalid value for configuration key 'umask': '8' (expected octal permission bits "
                + "such as 022 or 077); keeping 077", texts.get(0));
        assertTrue(texts.get(1).startsWith("org.ftpd.fs: invalid value for configuration key 'upload.atomic': 'yes'"));
        assertTrue(texts.get(2).contains("'upload.partial': 'maybe' (expected keep or delete); keeping delete"));
        assertTrue(texts.get(3).contains("'quota.bytes': '-1' (must not be negative); keeping 10"));
        assertTrue(texts.get(4).contains("'memory.max.bytes': '1k' (less than 65536 bytes)"));
    }

    @Test
    void aRemovedKeyGoesBackToItsDefault() {
        FsSettings good = FsSettings.parse(Map.of("umask", "077", "upload.atomic", "true"));
        FsSettings next = FsSettings.parse(Map.of(), good, new ArrayList<>());
        assertEquals(FsSettings.DEFAULTS, next);
    }

    @Test
    void umaskAndByteSyntax() {
        assertEquals(-1, FsSettings.parseUmask(" "));
        assertEquals(0, FsSettings.parseUmask("0"));
        assertEquals(0777, FsSettings.parseUmask("0777"));
        assertThrows(IllegalArgumentException.class, () -> FsSettings.parseUmask("1777"));
        assertThrows(IllegalArgumentException.class, () -> FsSettings.parseUmask("u=rwx"));
        assertEquals(1536, FsSettings.parseBytes("1536", 0));
        assertEquals(3L << 20, FsSettings.parseBytes("3 M", 0));
        assertEquals(1L << 40, FsSettings.parseBytes("1t", 0));
        assertEquals(7, FsSettings.parseBytes("", 7));
        assertThrows(IllegalArgumentException.class, () -> FsSettings.parseBytes("1.5g", 0));
        assertThrows(IllegalArgumentException.class, () -> FsSettings.parseBytes("99999999999t", 0));
    }
}
