package org.convscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.convscope.ui.theme.Theme;

/** The ConvScope desktop window. */
public final class ConvScopeApp extends Application {
    public static final String TITLE = "ConvScope";

    /** Starts the JavaFX toolkit and blocks until the last window closes. */
    public static void launchGui(String... args) {
        Application.launch(ConvScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new MainLayout(), 1024, 720);
        Theme.apply(scene);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
    }
}
