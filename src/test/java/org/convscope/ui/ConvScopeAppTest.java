package org.convscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ConvScopeAppTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ConvScopeApp().start(stage);
    }

    @Test
    void windowIsTitledConvScope() {
        assertEquals("ConvScope", stage.getTitle());
    }

    @Test
    void headerShowsTheAppTitle(FxRobot robot) {
        Label title = robot.lookup("#" + MainLayout.HEADER_ID + " .app-title").queryAs(Label.class);
        assertEquals(ConvScopeApp.TITLE, title.getText());
    }

    @Test
    void stylesheetIsLoaded() {
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(url -> url.endsWith("/css/convscope.css")),
                "scene stylesheets " + stage.getScene().getStylesheets() + " lack /css/convscope.css");
    }

    @Test
    void windowRendersToPng() throws Exception {
        Path png = Snapshots.writePng(stage.getScene().getRoot(), "main-window");

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1024, image.getWidth());
        assertEquals(720, image.getHeight());
    }
}
