package org.convscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convscope.io.FileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convscope lesson export LESSON.json --size WxH --out DIR [--steps last|all]}: every frame of a lesson as PNG
 * slides, drawn as lecture mode draws them (headless, in projector mode: the frame alone).
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Export a lesson's frames as PNG slides, drawn as lecture mode draws them (no window needed).")
final class LessonCommand implements Callable<Integer> {
    /** Slides from 240×240 up to 8K (7680 a side). */
    private static final int MIN_SIDE = 240;
    private static final int MAX_SIDE = 7680;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "export", description = "what to do: export")
    String action;

    @Parameters(index = "1", paramLabel = "LESSON.json", description = "the lesson file")
    Path lesson;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080",
            description = "slide size in pixels (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the PNG files (created)")
    Path out;

    @Option(names = "--steps", paramLabel = "last|all", defaultValue = "last",
            description = "each frame's last step only (frame-01.png, …) or every step (frame-01-step-000.png, …); default: ${DEFAULT-VALUE}")
    String steps;

    @Option(names = "--theme", paramLabel = "dark|light|contrast", defaultValue = "dark",
            description = "colours, as the app's themes (default: ${DEFAULT-VALUE})")
    String theme;

    @Override
    public Integer call() throws FileException {
        CommandLine cli = spec.commandLine();
        if (!action.equals("export")) throw new CommandLine.ParameterException(cli, "unknown action '" + action + "', expected export");
        if (!steps.equals("last") && !steps.equals("all")) {
            throw new CommandLine.ParameterException(cli, "--steps is '" + steps + "', expected last or all");
        }
        if (!theme.equals("dark") && !theme.equals("light") && !theme.equals("contrast")) {
            throw new CommandLine.ParameterException(cli, "--theme is '" + theme + "', expected dark, light or contrast");
        }
        int[] wh = size(cli);
        PrintWriter w = cli.getOut();
        int written = org.convscope.ui.lecture.LessonSlides.export(lesson, wh[0], wh[1], out, steps.equals("all"), theme);
        w.println("wrote " + written + " slide" + (written == 1 ? "" : "s") + " of " + wh[0] + "×" + wh[1] + " to " + out);
        return 0;
    }

    private int[] size(CommandLine cli) {
        String[] parts = size.toLowerCase(java.util.Locale.ROOT).split("[x×]");
        try {
            if (parts.length == 2) {
                int width = Integer.parseInt(parts[0].strip());
                int height = Integer.parseInt(parts[1].strip());
                if (width >= MIN_SIDE && height >= MIN_SIDE && width <= MAX_SIDE && height <= MAX_SIDE) {
                    return new int[] {width, height};
                }
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new CommandLine.ParameterException(cli, "--size is '" + size + "', expected WIDTHxHEIGHT with each side from "
                + MIN_SIDE + " to " + MAX_SIDE + ", e.g. 1920x1080");
    }
}
