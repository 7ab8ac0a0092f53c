package org.convscope;

import org.convscope.cli.Cli;
import org.convscope.ui.ConvScopeApp;

/**
 * Starts the GUI when called without arguments, otherwise runs a headless command.
 *
 * <p>Main is not an {@code Application}: the headless path must never load a JavaFX class,
 * so the GUI is reached only through a static call that the JVM resolves lazily.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            ConvScopeApp.launchGui();
        } else {
            System.exit(Cli.run(args));
        }
    }
}
