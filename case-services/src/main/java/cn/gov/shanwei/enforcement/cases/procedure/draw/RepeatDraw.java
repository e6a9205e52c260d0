package cn.gov.shanwei.enforcement.cases.procedure.draw;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code repeat-draw <draw.json>}: repeats a published 双随机 draw ({@link DrawRecord}, e.g. from
 * {@code GET /api/v1/cases/inspection-draws/{id}/record}) offline from its own pools and seed and says whether it gives
 * the recorded assignments. Exit code 0 when it does, 1 when it does not, 2 when the file cannot be read.
 */
public final class RepeatDraw {

    private RepeatDraw() {
    }

    /** Command-line entry point. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check, printing to {@code out}/{@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: repeat-draw <draw.json>");
            return 2;
        }
        Path path = Path.of(args[0]);
        DrawRecord record;
        try (InputStream in = Files.newInputStream(path)) {
            record = DrawRecord.read(in);
        } catch (IOException e) {
            err.println("cannot read " + path + ": " + e.getMessage());
            return 2;
        }
        var problem = record.irreproducibility();
        if (problem.isEmpty()) {
            out.println("REPRODUCED " + record.drawId() + " (" + record.algorithm() + ", seed " + record.seed() + "): "
                    + record.assignments().size() + " of " + record.entityPool().size() + " entities, "
                    + record.inspectorsPerEntity() + " of " + record.inspectorPool().size() + " inspectors each");
            for (int n = 0; n < record.assignments().size(); n++) {
                DrawRecord.Assignment a = record.assignments().get(n);
                out.println("  " + (n + 1) + ". " + a.entityId() + " <- " + String.join(", ", a.inspectors()));
            }
            return 0;
        }
        out.println("NOT REPRODUCED " + record.drawId() + ": " + problem.get());
        return 1;
    }
}
