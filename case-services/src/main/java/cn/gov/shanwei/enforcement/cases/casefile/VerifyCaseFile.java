package cn.gov.shanwei.enforcement.cases.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code verify-casefile <package.zip>}: checks an exported case file offline and prints what is wrong, one line per
 * finding. Exit code 0 when intact, 1 when something is wrong, 2 on wrong usage or when the package cannot be read (no
 * such file, not a ZIP, a truncated ZIP). The launcher is {@code case-services/bin/verify-casefile}.
 */
public final class VerifyCaseFile {

    private VerifyCaseFile() {
    }

    /** Command-line entry point. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check, printing to {@code out}/{@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: verify-casefile <case-file.zip>");
            return 2;
        }
        Path path = Path.of(args[0]);
        try (InputStream in = Files.newInputStream(path)) {
            CaseFileVerifier.Report report = CaseFileVerifier.verify(in);
            if (report.intact()) {
                out.println("OK " + report.caseNumber() + ": " + report.entries() + " record entries and "
                        + report.files() + " files verified");
                return 0;
            }
            out.println("BROKEN " + (report.caseNumber() == null ? path : report.caseNumber()) + ":");
            report.problems().forEach(p -> out.println("  - " + p));
            return 1;
        } catch (NoSuchFileException e) {
            err.println("cannot read " + path + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("cannot read " + path + ": " + e.getMessage());
            return 2;
        }
    }
}
