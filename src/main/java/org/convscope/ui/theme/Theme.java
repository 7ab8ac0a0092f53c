package org.convscope.ui.theme;

import java.net.URL;
import javafx.scene.Scene;

/** The application stylesheet, read from {@code resources/css/} on the classpath. */
public final class Theme {
    static final String STYLESHEET = "/css/convscope.css";

    private Theme() {}

    /** Adds the ConvScope stylesheet to {@code scene}. */
    public static void apply(Scene scene) {
        if (scene == null) {
            throw new IllegalArgumentException("scene is null, expected a Scene to style");
        }
        scene.getStylesheets().add(stylesheetUrl().toExternalForm());
    }

    private static URL stylesheetUrl() {
        URL url = Theme.class.getResource(STYLESHEET);
        if (url == null) {
            throw new IllegalStateException(
                    "stylesheet " + STYLESHEET + " not found on the classpath, expected it under resources/");
        }
        return url;
    }
}
