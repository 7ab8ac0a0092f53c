package org.convscope.cli;

import java.io.PrintWriter;
import org.convscope.data.DatasetException;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.train.TrainingDivergedException;
import org.convscope.io.FileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the headless subcommands (train, classify, infer, export, bench, lesson). */
@Command(name = "convscope", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "A microscope for convolutional neural networks. Without a command, opens the app.",
        subcommands = {TrainCommand.class, ClassifyCommand.class, InferCommand.class, ExportCommand.class, BenchCommand.class,
                LessonCommand.class})
public final class Cli {
    /** Exit code of a failure in the input (a bad file, a diverged run). */
    public static final int FAILED = 1;
    /** Exit code of a wrong command line. */
    public static final int USAGE = 2;

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
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("convscope " + commandLine.getCommandName() + ": " + oneLine(e));
            if (System.getenv("CONVSCOPE_DEBUG") != null) e.printStackTrace(err);
            return FAILED;
        });
        return cli.execute(args);
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return name.equals("convscope") ? "" : name + " ";
    }

    /** The user-facing message: our own exceptions already name the file and the problem. */
    static String oneLine(Throwable e) {
        boolean ours = e instanceof FileException || e instanceof DatasetException || e instanceof InvalidNetworkException
                || e instanceof TrainingDivergedException || e instanceof IllegalArgumentException;
        String message = ours && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
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
