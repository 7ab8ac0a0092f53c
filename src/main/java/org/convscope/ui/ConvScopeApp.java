package org.convscope.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.convscope.io.FileException;
import org.convscope.ui.theme.Theme;

/** The ConvScope desktop window. */
public final class ConvScopeApp extends Application {
    public static final String TITLE = "ConvScope";

    private MainLayout layout;

    /** Starts the JavaFX toolkit and blocks until the last window closes. */
    public static void launchGui(String... args) {
        Application.launch(ConvScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) throws FileException {
        layout = new MainLayout();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(layout, Math.min(1600, screen.getWidth()), Math.min(960, screen.getHeight()));
        Theme.apply(scene);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        layout.governQuitting(stage);
        stage.show();
    }

    @Override
    public void stop() {
        if (layout != null) layout.close();
        Platform.exit();
    }
}
