package org.convscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The result of one command line run in-process: exit code, standard output and standard error. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Failed with a single line on standard error and no stack trace. */
    boolean failedWithOneLine() {
        return exit != 0 && err.strip().lines().count() == 1 && !err.contains("\tat ");
    }
}
