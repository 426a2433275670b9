package org.ftpd.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the curl command line the README shows, against the loopback address. */
final class Curl {

    /** What one curl run gave. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Curl() {
    }

    static Result run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "20"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "curl did not finish");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "curl could not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static String url(int port, String userInfo, String path) {
        return "ftp://" + (userInfo == null ? "" : userInfo + "@") + Ftp.HOST + ":" + port + path;
    }

    static Result list(int port, String userInfo) {
        return run(url(port, userInfo, "/"));
    }

    static Result upload(int port, String userInfo, Path file) {
        return run("-T", file.toString(), url(port, userInfo, "/"));
    }

    static Result download(int port, String userInfo, String name, Path target) {
        return run("-o", target.toString(), url(port, userInfo, "/" + name));
    }
}
