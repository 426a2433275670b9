package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.ftpd.api.PermissionOverride;
import org.ftpd.api.Permissions;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every permission letter allows exactly its verbs: for each letter of {@code elradfmwMT} a user holding only that
 * letter runs every verb that needs a letter; the verb must succeed (and change the disk as it should) exactly when
 * the letter is its own, and otherwise be refused with 550 leaving the home untouched.
 */
class PermissionTableTest {

    private static final String LETTERS = "elradfmwMT";
    private static final byte[] CONTENT = "hello\n".getBytes(StandardCharsets.UTF_8);
    private static final FileTime OLD = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
    private static final FileTime MFMT_TIME = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    static Path temp;
    private static TestServer server;
    private static final AtomicInteger users = new AtomicInteger();

    /** One verb: the letter it needs, how to run it, and what success leaves on disk. */
    private record Verb(String name, char letter, Action action, DiskCheck onSuccess) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface Action {
        /** Runs the verb and returns the final reply code. */
        int run(FTPClient client) throws IOException;
    }

    @FunctionalInterface
    private interface DiskCheck {
        void verify(Path home, Map<String, String> before) throws IOException;
    }

    private static final DiskCheck UNCHANGED = (home, before) -> assertEquals(before, snapshot(home));

    private static final List<Verb> VERBS = List.of(
            new Verb("CWD", 'e', c -> c.sendCommand("CWD sub"), UNCHANGED),
            new Verb("XCWD", 'e', c -> c.sendCommand("XCWD sub"), UNCHANGED),
            new Verb("CDUP", 'e', c -> c.sendCommand("CDUP"), UNCHANGED),
            new Verb("XCUP", 'e', c -> c.sendCommand("XCUP"), UNCHANGED),
            new Verb("LIST", 'l', c -> listing(c, "LIST"), UNCHANGED),
            new Verb("NLST", 'l', c -> listing(c, "NLST"), UNCHANGED),
            new Verb("MLSD", 'l', c -> listing(c, "MLSD"), UNCHANGED),
            new Verb("MLST", 'l', c -> c.sendCommand("MLST f.txt"), UNCHANGED),
            new Verb("STAT <path>", 'l', c -> c.sendCommand("STAT f.txt"), UNCHANGED),
            new Verb("SIZE", 'l', c -> c.sendCommand("SIZE f.txt"), UNCHANGED),
            new Verb("MDTM", 'l', c -> c.sendCommand("MDTM f.txt"), UNCHANGED),
            new Verb("HASH", 'r', c -> c.sendCommand("HASH f.txt"), UNCHANGED),
            new Verb("RETR", 'r', PermissionTableTest::retrieve, UNCHANGED),
            new Verb("APPE", 'a', c -> store(c, "APPE", "f.txt"),
                    (home, before) -> assertEquals("hello\nnew\n", read(home.resolve("f.txt")))),
            new Verb("DELE", 'd', c -> c.sendCommand("DELE f.txt"),
                    (home, before) -> assertFalse(Files.exists(home.resolve("f.txt")))),
            new Verb("RMD", 'd', c -> c.sendCommand("RMD empty"),
                    (home, before) -> assertFalse(Files.exists(home.resolve("empty")))),
            new Verb("XRMD", 'd', c -> c.sendCommand("XRMD empty"),
                    (home, before) -> assertFalse(Files.exists(home.resolve("empty")))),
            new Verb("RNFR/RNTO", 'f', PermissionTableTest::rename, (home, before) -> {
                assertFalse(Files.exists(home.resolve("f.txt")));
                assertEquals("hello\n", read(home.resolve("g.txt")));
            }),
            new Verb("MKD", 'm', c -> c.sendCommand("MKD made"),
                    (home, before) -> assertTrue(Files.isDirectory(home.resolve("made")))),
            new Verb("XMKD", 'm', c -> c.sendCommand("XMKD made"),
                    (home, before) -> assertTrue(Files.isDirectory(home.resolve("made")))),
            new Verb("STOR", 'w', c -> store(c, "STOR", "new.txt"),
                    (home, before) -> assertEquals("new\n", read(home.resolve("new.txt")))),
            new Verb("STOU", 'w', PermissionTableTest::storeUnique, (home, before) -> {
                List<String> added = new ArrayList<>(snapshot(home).keySet());
                added.removeAll(before.keySet());
                assertEquals(1, added.size(), "one unique file: " + added);
                assertEquals("new\n", read(home.resolve(added.get(0))));
            }),
            new Verb("SITE CHMOD", 'M', c -> c.sendCommand("SITE CHMOD 600 f.txt"), (home, before) -> assertEquals(
                    "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("f.txt"))))),
            new Verb("MFMT", 'T', c -> c.sendCommand("MFMT 20200101000000 f.txt"),
                    (home, before) -> assertEquals(MFMT_TIME.toInstant(),
                            Files.getLastModifiedTime(home.resolve("f.txt")).toInstant())));

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer(temp.resolve("srv"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> letterAndVerb() {
        return LETTERS.chars().boxed()
                .flatMap(letter -> VERBS.stream().map(verb -> Arguments.of((char) letter.intValue(), verb)));
    }

    @ParameterizedTest(name = "only ''{0}'': {1}")
    @MethodSource("letterAndVerb")
    void aVerbSucceedsExactlyWithItsLetter(char letter, Verb verb) throws IOException {
        String user = newUser(String.valueOf(letter), List.of());
        Path home = server.homes.resolve(user);
        Map<String, String> before = snapshot(home);
        FTPClient client = server.login(user, "pw");
        try {
            int code = verb.action().run(client);
            if (letter == verb.letter()) {
                assertTrue(FTPReply.isPositiveCompletion(code), verb + " with '" + letter + "' replied " + code + " "
                        + client.getReplyString());
                verb.onSuccess().verify(home, before);
            } else {
                assertEquals(550, code, verb + " without '" + verb.letter() + "': " + client.getReplyString());
                assertEquals(before, snapshot(home), verb + " refused must leave the disk as it was");
            }
        } finally {
            TestServer.quietly(client);
        }
    }

    @Test
    void theTableCoversEveryLetter() {
        for (char letter : LETTERS.toCharArray()) {
            assertTrue(VERBS.stream().anyMatch(v -> v.letter() == letter), "no verb for " + letter);
        }
    }

    @Test
    void overridesGrantAndWithholdInSubfoldersAsConfigured() throws IOException {
        String user = newUser("elr", List.of(
                new PermissionOverride("/grant-all", Permissions.parse("elrw"), true),
                new PermissionOverride("/grant-top", Permissions.parse("elrw"), false)));
        Path home = server.homes.resolve(user);
        for (String dir : List.of("grant-all/deep", "grant-top/deep")) {
            Files.createDirectories(home.resolve(dir));
        }
        FTPClient client = server.login(user, "pw");
        try {
            assertEquals(550, store(client, "STOR", "root.txt"), "the base permissions hold at the root");
            assertEquals(226, store(client, "STOR", "grant-all/a.txt"));
            assertEquals(226, store(client, "STOR", "grant-all/deep/a.txt"), "a recursive override reaches below");
            assertEquals(226, store(client, "STOR", "grant-top/a.txt"));
            assertEquals(550, store(client, "STOR", "grant-top/deep/a.txt"), "a flat override stops at its folder");
        } finally {
            TestServer.quietly(client);
        }
        assertFalse(Files.exists(home.resolve("root.txt")));
        assertTrue(Files.exists(home.resolve("grant-all/a.txt")));
        assertTrue(Files.exists(home.resolve("grant-all/deep/a.txt")));
        assertTrue(Files.exists(home.resolve("grant-top/a.txt")));
        assertFalse(Files.exists(home.resolve("grant-top/deep/a.txt")));

        String writer = newUser("elrwd", List.of(
                new PermissionOverride("/keep-all", Permissions.parse("elr"), true),
                new PermissionOverride("/keep-top", Permissions.parse("elr"), false)));
        Path writerHome = server.homes.resolve(writer);
        for (String dir : List.of("keep-all/deep", "keep-top/deep")) {
            Files.createDirectories(writerHome.resolve(dir));
            Files.write(writerHome.resolve(dir).resolveSibling("x.txt"), CONTENT);
            Files.write(writerHome.resolve(dir).resolve("x.txt"), CONTENT);
        }
        client = server.login(writer, "pw");
        try {
            assertEquals(550, client.sendCommand("DELE keep-all/x.txt"));
            assertEquals(550, client.sendCommand("DELE keep-all/deep/x.txt"), "a recursive override withholds below");
            assertEquals(550, client.sendCommand("DELE keep-top/x.txt"));
            assertEquals(250, client.sendCommand("DELE keep-top/deep/x.txt"), "below a flat override the base holds");
            assertEquals(226, store(client, "STOR", "root.txt"));
        } finally {
            TestServer.quietly(client);
        }
        assertTrue(Files.exists(writerHome.resolve("keep-all/x.txt")));
        assertTrue(Files.exists(writerHome.resolve("keep-all/deep/x.txt")));
        assertTrue(Files.exists(writerHome.resolve("keep-top/x.txt")));
        assertFalse(Files.exists(writerHome.resolve("keep-top/deep/x.txt")));
        assertTrue(Files.exists(writerHome.resolve("root.txt")));
    }

    /** A fresh user with its own home holding f.txt (mode 644, an old mtime), an empty folder and sub/. */
    private static String newUser(String perm, List<PermissionOverride> overrides) throws IOException {
        String name = "u" + users.incrementAndGet();
        Path home = Files.createDirectories(server.homes.resolve(name));
        Path file = Files.write(home.resolve("f.txt"), CONTENT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(file, OLD);
        Files.createDirectories(home.resolve("empty"));
        Files.createDirectories(home.resolve("sub"));
        server.authorizer.user(name, "pw", URI.create("test:/" + name), perm, overrides);
        return name;
    }

    /** Every path under the home with its kind, content, mode and mtime. */
    private static Map<String, String> snapshot(Path home) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String state = PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " "
                        + Files.getLastModifiedTime(p).toMillis();
                if (Files.isDirectory(p)) {
                    state = "dir " + state;
                } else {
                    state = "file " + state + " " + Arrays.toString(Files.readAllBytes(p));
                }
                entries.put(home.relativize(p).toString(), state);
            }
        }
        return entries;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** A listing over a data connection; returns the final reply (or the refusal). */
    private static int listing(FTPClient client, String verb) throws IOException {
        List<String> names = new ArrayList<>();
        switch (verb) {
            case "LIST" -> Arrays.stream(client.listFiles()).forEach(f -> names.add(f.getName()));
            case "NLST" -> {
                String[] listed = client.listNames();
                if (listed != null) {
                    names.addAll(Arrays.asList(listed));
                }
            }
            default -> Arrays.stream(client.mlistDir()).forEach(f -> names.add(f.getName()));
        }
        int code = client.getReplyCode();
        if (FTPReply.isPositiveCompletion(code)) {
            assertTrue(names.contains("f.txt"), verb + " lists the file: " + names);
        }
        return code;
    }

    private static int retrieve(FTPClient client) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (client.retrieveFile("f.txt", out)) {
            assertEquals("hello\n", out.toString(StandardCharsets.UTF_8));
        }
        return client.getReplyCode();
    }

    private static int store(FTPClient client, String verb, String path) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream("new\n".getBytes(StandardCharsets.UTF_8));
        if ("APPE".equals(verb)) {
            client.appendFile(path, in);
        } else {
            client.storeFile(path, in);
        }
        return client.getReplyCode();
    }

    private static int storeUnique(FTPClient client) throws IOException {
        client.storeUniqueFile(new ByteArrayInputStream("new\n".getBytes(StandardCharsets.UTF_8)));
        return client.getReplyCode();
    }

    private static int rename(FTPClient client) throws IOException {
        int code = client.sendCommand("RNFR f.txt");
        if (code != 350) {
            return code;
        }
        return client.sendCommand("RNTO g.txt");
    }
}
