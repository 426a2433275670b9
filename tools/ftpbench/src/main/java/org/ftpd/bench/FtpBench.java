package org.ftpd.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ftpbench: loads one or more FTP servers with the same workloads, case by case (each case runs against every
 * server before the next case starts, so that a noisy moment hurts all alike), and prints a table.
 *
 * <p>Exit status: 0 when every case did at least one operation, 1 when one did none, 2 for a bad command line.
 */
public final class FtpBench {

    private FtpBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("ftpbench: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (options.help) {
            out.print(Options.usage());
            return 0;
        }
        List<CaseResult> results = runAll(options, options.quiet ? null : err);
        Report report = new Report(results);
        out.print(switch (options.format) {
            case TABLE -> report.text();
            case MARKDOWN -> report.markdown();
            case CSV -> report.csv();
        });
        try {
            if (options.csvFile != null) {
                Files.writeString(Path.of(options.csvFile), report.csv(), StandardCharsets.UTF_8);
            }
            if (options.markdownFile != null) {
                Files.writeString(Path.of(options.markdownFile), report.markdown(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("ftpbench: cannot write the report: " + e);
            return 1;
        }
        return results.stream().allMatch(r -> r.operations() > 0) ? 0 : 1;
    }

    static List<CaseResult> runAll(Options options, PrintStream progress) throws InterruptedException {
        CaseRunner runner = new CaseRunner(options);
        List<Target> targets = options.targets();
        List<CaseResult> results = new ArrayList<>();
        for (CaseSpec spec : options.caseSpecs()) {
            for (Target target : targets) {
                if (progress != null) {
                    progress.printf("ftpbench: %s on %s (%s:%d), %d clients%n", spec.kind().label(), target.name(),
                            target.host(), target.port(), spec.clients());
                }
                CaseResult r = runner.run(spec, target);
                if (progress != null && r.firstError() != null) {
                    progress.printf("ftpbench:   %d errors, the first: %s%n", r.errors(), r.firstError());
                }
                results.add(r);
            }
        }
        return results;
    }
}
