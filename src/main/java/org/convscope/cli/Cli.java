package org.convscope.cli;

import java.io.PrintWriter;
import org.convscope.io.Failures;
import org.convscope.training.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the subcommands (train, classify, infer, export, bench, render, lesson; open starts the app). */
@Command(name = "convscope", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "A microscope for convolutional neural networks. Without a command, opens the app.",
        subcommands = {TrainCommand.class, ClassifyCommand.class, InferCommand.class, ExportCommand.class, BenchCommand.class, RenderCommand.class,
                LessonCommand.class, OpenCommand.class})
public final class Cli {
    /** Exit code of a failure in the input (a bad file, a diverged run). */
    public static final int FAILED = 1;
    /** Exit code of a wrong command line. */
    public static final int USAGE = 2;

    /** Most threads a command accepts: far beyond a desktop's cores, far below what would exhaust the heap. */
    static final int MAX_THREADS = TrainingSettings.MAX_THREADS;

    /** Runs one subcommand and returns the process exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Same, writing to the given streams (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Cli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("convscope: " + e.getMessage() + " (see convscope " + commandName(e.getCommandLine()) + "--help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> fail(err, commandLine.getCommandName(), e));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return fail(err, "", e);
        }
    }

    /**
     * The {@code --threads} option's value, all cores when not given, or a usage error in one line: a count outside
     * 1..{@value #MAX_THREADS} would start that many threads and allocate a workspace for each.
     */
    static int threads(CommandLine.Model.CommandSpec spec, Integer threads) {
        int cores = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
        int t = threads == null ? cores : threads;
        if (t < 1 || t > MAX_THREADS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1.." + MAX_THREADS
                    + ", got " + t);
        }
        return t;
    }

    private static int fail(PrintWriter err, String command, Throwable e) {
        err.println("convscope" + (command.isEmpty() ? "" : " " + command) + ": " + oneLine(e));
        if (System.getenv(Failures.DEBUG) != null) e.printStackTrace(err);
        return FAILED;
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return name.equals("convscope") ? "" : name + " ";
    }

    /** The user-facing message, one line (see {@link Failures#describe}). */
    static String oneLine(Throwable e) {
        return Failures.describe(e);
    }

    /** A value quoted in a message, cut to 40 characters. */
    static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"ConvScope " + (version == null ? "(development)" : version) + ", Java " + Runtime.version()};
        }
    }
}
