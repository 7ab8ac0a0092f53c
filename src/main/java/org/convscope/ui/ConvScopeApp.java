package org.convscope.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import org.convscope.ui.theme.Theme;

/** The ConvScope desktop window. */
public final class ConvScopeApp extends Application {
    public static final String TITLE = "ConvScope";

    /** What the window opens first ({@code convscope open}); null for the bundled LeNet-5 and a blank drawing. */
    private static volatile Opening opening;

    private MainLayout layout;

    /**
     * A model loaded and checked before the window opens, its file, and an image or .npy file to open on it (null:
     * none).
     */
    public record Opening(ModelFile.Model model, Path file, Path image) {}

    /** Starts the JavaFX toolkit and blocks until the last window closes. */
    public static void launchGui(String... args) {
        Application.launch(ConvScopeApp.class, args);
    }

    /** The same, the explorer showing {@code first} from the start. */
    public static void launchGui(Opening first) {
        opening = first;
        Application.launch(ConvScopeApp.class);
    }

    @Override
    public void start(Stage stage) throws FileException {
        layout = new MainLayout();
        Opening first = opening;
        if (first != null) layout.explorer().openModel(first.model(), first.file(), first.image());
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
