package org.convscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convscope.ui.explorer.ExplorerView;
import org.convscope.ui.lecture.LectureView;
import org.convscope.ui.training.TrainingView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConvScopeAppTest {
    private Stage stage;
    private ConvScopeApp app;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = new ConvScopeApp();
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            MainLayout layout = (MainLayout) stage.getScene().getRoot();
            layout.close();
        });
    }

    @Test
    void windowIsTitledConvScope() {
        assertEquals("ConvScope", stage.getTitle());
    }

    @Test
    void theThreeUsesAreTabsOverTheBundledModel(FxRobot robot) {
        TabPane tabs = robot.lookup("#" + MainLayout.TABS_ID).queryAs(TabPane.class);
        assertEquals(List.of("Explorer", "Lecture", "Training"), tabs.getTabs().stream().map(Tab::getText).toList());
        assertTrue(tabs.getTabs().get(0).getContent() instanceof ExplorerView);
        assertEquals(null, tabs.getTabs().get(1).getContent(), "the lecture is built when its tab is first opened");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertTrue(tabs.getTabs().get(1).getContent() instanceof LectureView);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node focused = tabs.getScene().getFocusOwner();
        while (focused != null && !(focused instanceof LectureView)) focused = focused.getParent();
        assertTrue(focused != null, "the lecture has the keyboard: → steps instead of switching tabs");
    }

    /** Item 8 of the lecture issue: one theme for the whole app, switched with T in the explorer or in the lecture. */
    @Test
    void theLectureTakesTheAppsThemeAndItsTSwitchesTheWholeApp(FxRobot robot) {
        MainLayout layout = (MainLayout) stage.getScene().getRoot();
        TabPane tabs = robot.lookup("#" + MainLayout.TABS_ID).queryAs(TabPane.class);
        ExplorerView explorer = (ExplorerView) tabs.getTabs().get(0).getContent();
        robot.interact(explorer::toggleTheme);
        assertTrue(layout.getStyleClass().contains("light"), "the explorer's T makes the app light");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        LectureView lecture = (LectureView) tabs.getTabs().get(1).getContent();
        assertTrue(lecture.getStyleClass().contains("light"), "the lecture opens in the app's light theme");
        assertTrue(!lecture.getStyleClass().contains("dark"), lecture.getStyleClass().toString());
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.T);
        assertTrue(lecture.getStyleClass().contains("dark"), "T in the lecture: dark");
        assertTrue(!explorer.lightProperty().get(), "and the explorer with it");
        assertTrue(!layout.getStyleClass().contains("light"), "and the tab strip");
        robot.interact(explorer::toggleTheme);
        assertTrue(lecture.getStyleClass().contains("light"), "the explorer's T reaches the lecture already open");
    }

    @Test
    void theLecturesNetworkFrameTakesTheExplorersModelAndItsOwnPass(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#" + MainLayout.TABS_ID).queryAs(TabPane.class);
        ExplorerView explorer = (ExplorerView) tabs.getTabs().get(0).getContent();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> explorer.model().frameProperty().get() != null);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.L);
        LectureView lecture = (LectureView) tabs.getTabs().get(1).getContent();
        org.convscope.lecture.Stepper<?> s = lecture.model().stepper();
        assertTrue(s instanceof org.convscope.lecture.LayerStepper, "L shows a filter of the explorer's model at once");
        org.convscope.lecture.NetworkPass pass = ((org.convscope.lecture.LayerStepper) s).conv().pass();
        assertTrue(pass.network() == explorer.model().networkProperty().get());
        assertTrue(pass.snapshot() == explorer.model().frameProperty().get().snapshot(), "the explorer's own numbers");
        assertEquals("conv1 of LeNet-5 (bundled): filter 1 of 6", org.convscope.lecture.FrameText.title(lecture.model().frame()));
        assertEquals("the explorer's input (Drawing)", pass.input());
    }

    @Test
    void trainingStudioLoadsWhenItsTabIsOpened(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#" + MainLayout.TABS_ID).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tabs.getTabs().get(2).getContent() instanceof TrainingView);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Training · MNIST", tabs.getTabs().get(2).getText(), "the data set named on the tab");
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
        assertEquals((int) stage.getScene().getWidth(), image.getWidth());
        assertEquals((int) stage.getScene().getHeight(), image.getHeight());
    }

    @Test
    void theTabStripFollowsTheExplorersTheme(FxRobot robot) {
        javafx.scene.layout.Region strip = robot.lookup(".tab-header-background").queryAs(javafx.scene.layout.Region.class);
        assertTrue(luminance(strip) < 0.3, "a dark strip over the dark explorer");
        ExplorerView explorer = robot.lookup(".explorer").queryAs(ExplorerView.class);
        robot.interact(() -> {
            explorer.toggleTheme();
            stage.getScene().getRoot().applyCss();
        });
        assertTrue(luminance(strip) > 0.7, "a light strip over the light explorer");
    }

    private static double luminance(javafx.scene.layout.Region region) {
        javafx.scene.paint.Color c = (javafx.scene.paint.Color) region.getBackground().getFills().getLast().getFill();
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
