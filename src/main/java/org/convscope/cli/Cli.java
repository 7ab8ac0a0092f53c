package org.convscope.cli;

/** Entry point of the headless subcommands (train, classify, bench). */
public final class Cli {
    private Cli() {}

    /** Runs one subcommand and returns the process exit code. */
    public static int run(String... args) {
        System.err.println("convscope: unknown command " + String.join(" ", args));
        return 2;
    }
}
