package org.ftpd.protocol.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Python client scripts of {@code src/test/resources/clients} and reads its
 * {@code STEP <label> <codes> <base64 replies> <base64 value>} lines.
 */
public final class PythonScript {

    /** One step of a script: the reply codes it got, the replies' text and the value it produced. */
    public record Step(String label, List<Integer> codes, String replies, String value) {

        public int lastCode() {
            return codes.isEmpty() ? -1 : codes.get(codes.size() - 1);
        }

        /** The last {@code n} codes, for steps whose first replies depend on the data connection mode. */
        public List<Integer> lastCodes(int n) {
            return codes.subList(Math.max(0, codes.size() - n), codes.size());
        }
    }

    /** What a run printed: the steps by label, and the whole output for failure messages. */
    public record Run(Map<String, Step> steps, String output) {

        public Step step(String label) {
            Step s = steps.get(label);
            if (s == null) {
                throw new AssertionError("the script never reached step " + label + "; it printed:\n" + output);
            }
            return s;
        }
    }

    private PythonScript() {
    }

    /** Whether {@code python3} runs here. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies the script out of the test resources into {@code dir} and runs it with {@code args}. */
    public static Run run(String script, Path dir, String... args) throws IOException, InterruptedException {
        Path file = dir.resolve(script);
        try (InputStream in = PythonScript.class.getResourceAsStream("/clients/" + script)) {
            if (in == null) {
                throw new IOException("no test resource clients/" + script);
            }
            Files.copy(in, file);
        }
        List<String> command = new ArrayList<>(List.of("python3", file.toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the script did not end: " + new String(out, StandardCharsets.UTF_8));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("python3 " + script + " failed (" + p.exitValue() + "):\n" + text);
        }
        return new Run(parse(text), text);
    }

    private static Map<String, Step> parse(String output) {
        Map<String, Step> steps = new LinkedHashMap<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (String line : output.split("\n")) {
            String[] f = line.split(" ", -1);
            if (f.length != 5 || !f[0].equals("STEP")) {
                continue;
            }
            List<Integer> codes = new ArrayList<>();
            if (!f[2].equals("-")) {
                for (String c : f[2].split(",")) {
                    codes.add(Integer.parseInt(c));
                }
            }
            steps.put(f[1], new Step(f[1], codes, new String(b64.decode(f[3]), StandardCharsets.UTF_8),
                    new String(b64.decode(f[4]), StandardCharsets.UTF_8)));
        }
        return steps;
    }
}
