package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ftpd.protocol.support.PythonScript;
import org.ftpd.protocol.support.PythonScript.Run;
import org.ftpd.protocol.support.PythonScript.Step;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Python's ftplib, an independent client, drives every verb of the server in one scripted session
 * ({@code clients/ftplib_every_verb.py}) over each kind of data connection, on IPv4 and IPv6; this class checks
 * every reply code and text, and the files the session left on disk.
 */
class PythonFtplibTest {

    /** The features this engine announces (the FTPS ones belong to the TLS tests). */
    static final Set<String> FEATURES = Set.of("CLNT", "EPRT", "EPSV", "HASH SHA-256*;SHA-1;MD5", "MDTM", "MFMT",
            "MLST type*;size*;modify*;perm*;unique*;unix.mode;unix.uid;unix.gid;unix.owner;unix.group;",
            "REST STREAM", "SIZE", "TVFS", "UTF8");
    /** Every verb of issue 3. */
    static final List<String> VERBS = List.of("ABOR", "ALLO", "APPE", "CDUP", "CLNT", "CWD", "DELE", "EPRT", "EPSV",
            "FEAT", "HASH", "HELP", "LIST", "MDTM", "MFMT", "MKD", "MLSD", "MLST", "MODE", "NLST", "NOOP", "OPTS",
            "PASS", "PASV", "PORT", "PWD", "QUIT", "REIN", "REST", "RETR", "RMD", "RNFR", "RNTO", "SITE", "SIZE",
            "STAT", "STOR", "STOU", "STRU", "SYST", "TYPE", "USER", "XCUP", "XCWD", "XMKD", "XPWD", "XRMD");
    static final int BIG = 8 * 1024 * 1024;

    @TempDir
    Path tmp;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The bytes the script uploads: (i * 7 + 3) mod 251. */
    static byte[] scriptData() {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((i * 7 + 3) % 251);
        }
        return data;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @CsvSource({"127.0.0.1, pasv", "127.0.0.1, epsv", "127.0.0.1, port", "127.0.0.1, eprt", "::1, epsv",
            "::1, eprt"})
    void everyVerbOverEveryDataConnection(String host, String mode) throws Exception {
        Assumptions.assumeTrue(PythonScript.available(), "python3 is not installed");
        if (host.contains(":")) {
            assumeIpv6();
        }
        server = new TestServer(tmp.resolve("srv"), b -> b, s -> s.host(host));
        Files.write(server.alice.resolve("big.bin"), TransferTest.randomBytes(BIG, 16));
        Run run = PythonScript.run("ftplib_every_verb.py", tmp, host, Integer.toString(server.port()), mode);
        try {
            checkBeforeLogin(run);
            checkDirectories(run);
            checkTransfers(run, dataReplyCode(mode));
            checkListings(run);
            checkFileCommands(run);
            checkControl(run, dataReplyCode(mode));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nscript output:\n" + run.output(), e);
        }
    }

    private static int dataReplyCode(String mode) {
        return switch (mode) {
            case "pasv" -> 227;
            case "epsv" -> 229;
            default -> 200;
        };
    }

    private void checkBeforeLogin(Run run) {
        assertEquals(List.of(220), run.step("welcome").codes());
        assertEquals(List.of(530), run.step("pwd_before_login").codes());
        Step feat = run.step("feat");
        assertEquals(List.of(211), feat.codes());
        assertEquals(FEATURES, featureLines(feat.replies()));
        Step help = run.step("help");
        assertEquals(List.of(214), help.codes());
        Set<String> listed = Set.of(help.replies().split("\\s+"));
        for (String verb : VERBS) {
            assertTrue(listed.contains(verb), "HELP lists " + verb);
        }
        assertEquals(List.of(214), run.step("help_verb").codes());
        assertTrue(run.step("help_verb").replies().contains("STOU"));
        assertEquals(List.of(215), run.step("syst").codes());
        assertEquals(List.of(200), run.step("noop").codes());
        assertEquals(List.of(200), run.step("clnt").codes());
        assertEquals(List.of(200), run.step("opts_utf8").codes());
        Step siteHelp = run.step("site_help");
        assertEquals(List.of(214), siteHelp.codes());
        assertTrue(siteHelp.replies().contains("SITE CHMOD") && siteHelp.replies().contains("SITE HELP"),
                siteHelp.replies());
        assertEquals(List.of(331, 530), run.step("bad_login").codes());
        assertEquals(List.of(331, 230), run.step("login").codes());
    }

    /** The FEAT lines between the first and the last, without the leading space, FTPS ones left out. */
    static Set<String> featureLines(String reply) {
        List<String> lines = List.of(reply.split("\n"));
        Set<String> features = new TreeSet<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            assertTrue(line.startsWith(" "), "feature lines start with a space: " + line);
            String f = line.substring(1);
            if (!f.matches("(AUTH|PBSZ|PROT|CCC)\\b.*")) {
                features.add(f);
            }
        }
        return features;
    }

    private void checkDirectories(Run run) {
        assertEquals("257 \"/\" is the current directory.", run.step("pwd").replies());
        assertTrue(run.step("mkd_quotes").replies().startsWith("257 \"/dir \"\"q\"\"\""),
                run.step("mkd_quotes").replies());
        assertEquals(List.of(250), run.step("cwd").codes());
        assertTrue(run.step("xmkd").replies().startsWith("257 \"/dir \"\"q\"\"/sub\""), run.step("xmkd").replies());
        assertTrue(run.step("xpwd").replies().startsWith("257 \"/dir \"\"q\"\"\""), run.step("xpwd").replies());
        assertEquals(List.of(250), run.step("xcwd").codes());
        assertEquals(List.of(250), run.step("cdup").codes());
        assertEquals(List.of(250), run.step("xcup").codes());
        assertEquals("/", run.step("pwd_root").value());
        assertEquals(List.of(200), run.step("type_i").codes());
        assertEquals(List.of(200), run.step("mode_s").codes());
        assertEquals(List.of(504), run.step("mode_b").codes());
        assertEquals(List.of(200), run.step("stru_f").codes());
        assertEquals(List.of(504), run.step("stru_r").codes());
        assertEquals(List.of(202), run.step("allo").codes());
    }

    private void checkTransfers(Run run, int dataReply) throws Exception {
        byte[] data = scriptData();
        byte[] appended = concat(data, "tail".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(dataReply, 150, 226), run.step("stor").lastCodes(3));
        assertEquals("300000", run.step("size").value());
        assertEquals(List.of(dataReply, 150, 226), run.step("appe").lastCodes(3));
        assertArrayEquals(appended, Files.readAllBytes(server.alice.resolve("up.bin")));
        assertTrue(run.step("rest_stor").codes().contains(350), run.step("rest_stor").codes().toString());
        assertEquals(226, run.step("rest_stor").lastCode());
        assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("renamed.bin")));
        assertEquals(hex("SHA-256", appended), run.step("retr").value());
        assertEquals(HexFormat.of().formatHex(appended, 299_998, appended.length), run.step("rest_retr").value());
        assertTrue(run.step("rest_retr").codes().contains(350));
        assertEquals(List.of(200), run.step("type_a").codes());
        assertEquals(List.of(dataReply, 150, 226), run.step("stor_ascii").lastCodes(3));
        assertEquals("one\ntwo\n", Files.readString(server.alice.resolve("lines.txt")), "CRLF stored as LF");
        assertEquals("one\ntwo", run.step("retr_ascii").value());
        assertEquals(List.of(550), run.step("size_ascii").codes());

        Step stou = run.step("stou");
        assertEquals(List.of(dataReply, 150, 226), stou.lastCodes(3));
        String unique = uniqueName(stou.replies());
        assertTrue(unique.startsWith("ftpd."), unique);
        assertEquals("unique one", Files.readString(server.alice.resolve(unique)));
        String prefixed = uniqueName(run.step("stou_prefix").replies());
        assertTrue(prefixed.startsWith("report."), prefixed);
        assertEquals("unique two", Files.readString(server.alice.resolve(prefixed)));
    }

    private static String uniqueName(String replies) {
        Matcher m = Pattern.compile("(?m)^150 FILE: (.+)$").matcher(replies);
        assertTrue(m.find(), "STOU names the file in its 150 reply: " + replies);
        return m.group(1);
    }

    private void checkListings(Run run) {
        Set<String> names = Set.of(run.step("nlst").value().split("\n"));
        assertTrue(names.containsAll(Set.of("up.bin", "big.bin", "lines.txt", "dir \"q\"")), names.toString());
        for (String label : List.of("list", "list_la")) {
            String listing = run.step(label).value();
            assertTrue(listing.lines().anyMatch(l -> l.matches("-rw.* 300004 .* up\\.bin")), listing);
            assertTrue(listing.lines().anyMatch(l -> l.matches("d.* dir \"q\"")), listing);
            assertEquals(226, run.step(label).lastCode());
        }
        assertEquals(550, run.step("list_glob").lastCode(), "a glob is a name, never expanded");

        String mlsd = run.step("mlsd").value();
        String up = mlsd.lines().filter(l -> l.startsWith("up.bin ")).findFirst().orElseThrow();
        // pyftpdlib's default facts: the unix. ones only when selected
        assertTrue(up.matches("up\\.bin modify=\\d{14};perm=[adfrw]+;size=300004;type=file;unique=\\w+"), up);
        assertTrue(mlsd.lines().anyMatch(l -> l.startsWith("dir \"q\" ") && l.contains("type=dir")), mlsd);
        Step selected = run.step("mlsd_facts");
        assertEquals(200, selected.codes().get(0), "OPTS MLST");
        assertTrue(selected.value().lines().allMatch(l -> l.endsWith(" size;type")), selected.value());
        assertEquals(List.of(250), run.step("mlst_selected").codes());
        assertTrue(run.step("mlst_selected").replies().contains("\n type=file;size=300004; /up.bin\n"),
                run.step("mlst_selected").replies());
        assertEquals("200 MLST OPTS type;size;modify;perm;unique;unix.mode;unix.uid;unix.gid;unix.owner;unix.group;",
                run.step("opts_mlst_all").replies());
        assertTrue(run.step("mlst").replies().matches("(?s)250-.*\n type=file;size=300004;modify=\\d{14};perm=\\w+;"
                + "unique=\\w+;unix\\.mode=0\\d{3};unix\\.uid=1000;unix\\.gid=1000; /up\\.bin\n250 .*"),
                run.step("mlst").replies());
        String unix = run.step("mlsd_unix").value().lines().filter(l -> l.startsWith("up.bin ")).findFirst()
                .orElseThrow();
        assertTrue(unix.matches("up\\.bin modify=\\d{14};perm=[adfrw]+;size=300004;type=file;unique=\\w+;"
                + "unix\\.gid=1000;unix\\.mode=0\\d{3};unix\\.uid=1000"), unix);
        Step stat = run.step("stat");
        assertEquals(List.of(211), stat.codes());
        assertTrue(stat.replies().contains("Logged in as alice") && stat.replies().contains("python-ftplib"),
                stat.replies());
        Step statPath = run.step("stat_path");
        assertEquals(List.of(213), statPath.codes());
        assertTrue(statPath.replies().lines().anyMatch(l -> l.matches("-rw.* 300004 .* up\\.bin")),
                statPath.replies());
    }

    private void checkFileCommands(Run run) throws Exception {
        assertEquals(List.of(213), run.step("mdtm").codes());
        assertEquals("213 Modify=20200102030405; up.bin", run.step("mfmt").replies());
        assertEquals("213 20200102030405", run.step("mdtm_after").replies());
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"),
                Files.getLastModifiedTime(server.alice.resolve("up.bin")).toInstant());

        byte[] up = Files.readAllBytes(server.alice.resolve("up.bin"));
        assertEquals("200 SHA-256", run.step("opts_hash").replies());
        assertEquals("213 SHA-256 0-300003 " + hex("SHA-256", up) + " up.bin", run.step("hash_sha256").replies());
        assertEquals("200 SHA-1", run.step("opts_hash_sha1").replies());
        assertEquals("213 SHA-1 0-300003 " + hex("SHA-1", up) + " up.bin", run.step("hash_sha1").replies());
        assertEquals("200 MD5", run.step("opts_hash_md5").replies());
        assertEquals("213 MD5 0-300003 " + hex("MD5", up) + " up.bin", run.step("hash_md5").replies());
        assertEquals(List.of(501), run.step("opts_hash_bad").codes());
        assertEquals(List.of(553), run.step("hash_dir").codes());
        Set<String> after = featureLines(run.step("feat_after_opts").replies());
        assertTrue(after.contains("HASH SHA-256;SHA-1;MD5*"), after.toString());

        assertEquals(List.of(200), run.step("site_chmod").codes());
        assertEquals("rw-r-----", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(server.alice.resolve("up.bin"))));
        assertEquals(List.of(501), run.step("site_chmod_bad").codes());
        assertEquals(List.of(200), run.step("site_chmod_4").codes());
        assertEquals("rw----r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(server.alice.resolve("lines.txt"))));
        assertEquals(List.of(500), run.step("site_unknown").codes());

        assertEquals(List.of(350, 250), run.step("rename_file").codes());
        assertFalse(Files.exists(server.alice.resolve("resumed.bin")));
        assertEquals(List.of(350, 250), run.step("rename_dir").codes());
        assertFalse(Files.exists(server.alice.resolve("dir \"q\"/sub")));
        assertEquals(List.of(250), run.step("dele").codes());
        assertFalse(Files.exists(server.alice.resolve("doomed.bin")));
        assertEquals(List.of(250), run.step("rmd").codes());
        assertFalse(Files.exists(server.alice.resolve("moved")));
        assertEquals(List.of(257), run.step("mkd_x2").codes());
        assertEquals(List.of(250), run.step("xrmd").codes());
        assertFalse(Files.exists(server.alice.resolve("x2")));
        assertEquals(List.of(550), run.step("rmd_cwd").codes(), "RMD of the current directory");
        assertTrue(Files.isDirectory(server.alice.resolve("dir \"q\"")));
    }

    private void checkControl(Run run, int dataReply) {
        Step stat = run.step("stat_during_transfer");
        assertEquals(List.of(dataReply, 150, 211, 226), stat.lastCodes(4));
        assertEquals(Integer.toString(BIG), stat.value(), "the download went on after STAT");
        Matcher progress = Pattern.compile("sending /big\\.bin\n (\\d+) bytes transferred").matcher(stat.replies());
        assertTrue(progress.find(), stat.replies());
        long reported = Long.parseLong(progress.group(1));
        assertTrue(reported >= 65536 && reported <= BIG, "progress " + reported);

        assertEquals(List.of(dataReply, 150, 426, 226), run.step("abor_during_transfer").lastCodes(4));
        assertEquals(List.of(200), run.step("noop_after_abor").codes());
        assertEquals(List.of(225), run.step("abor_idle").codes());
        assertEquals(List.of(501), run.step("invalid_utf8").codes());

        assertEquals(List.of(220), run.step("rein").codes());
        assertEquals(List.of(530), run.step("pwd_after_rein").codes());
        assertEquals(List.of(331, 230), run.step("login_again").codes());
        assertEquals(List.of(200), run.step("type_after_rein").codes());

        assertEquals(List.of(200), run.step("epsv_all").codes());
        assertEquals(List.of(503), run.step("pasv_after_all").codes());
        assertEquals(List.of(503), run.step("port_after_all").codes());
        assertEquals(List.of(503), run.step("eprt_after_all").codes());
        assertEquals(List.of(229), run.step("epsv_after_all").codes());
        assertEquals(List.of(221), run.step("quit").codes());

        assertEquals(List.of(220), run.step("second_welcome").codes());
        assertEquals(List.of(331, 530), run.step("wrong_password_1").codes());
        assertEquals(List.of(331, 530), run.step("wrong_password_2").codes());
        assertEquals(List.of(331, 421), run.step("wrong_password_3").codes());
        assertEquals("True", run.step("closed_after_attempts").value());
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    private static byte[] concat(byte[] a, byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(a);
        out.write(b);
        return out.toByteArray();
    }

    static void assumeIpv6() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            // IPv6 loopback is available
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback here");
        }
    }

    @SuppressWarnings("unused")
    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
