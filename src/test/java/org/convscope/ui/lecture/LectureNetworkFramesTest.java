package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.convscope.engine.Dims;
import org.convscope.lecture.CurrentModel;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.NetworkInput;
import org.convscope.lecture.NetworkPass;
import org.convscope.lecture.Volume;
import org.convscope.ui.lecture.diagram.Diagram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11 §3 driven as a lecturer would: L adds a frame of the app's current model (the colour fixture) over the
 * explorer's input, at once; its panel changes layer, filter and page of channels; a photo is read and run in the
 * background, a bad one said in one line; predict mode hides the sums and the result; ← leaves the frame as it came.
 */
@ExtendWith(ApplicationExtension.class)
class LectureNetworkFramesTest {
    static {
        HeadlessFx.useJavaFxHeadless();
    }

    private LectureView view;
    private NetworkPass explorer;

    @Start
    void start(Stage stage) throws Exception {
        NetworkPass fixture = NetworkFrames.fixture("resblock");
        explorer = new NetworkPass("resblock.onnx", fixture.network(), fixture.snapshot(),
                new NetworkInput.Given("the explorer's input (a photo)", fixture.values()));
        float[] stroke = new float[28 * 28];
        for (int i = 4; i < 24; i++) stroke[i * 28 + 14] = 1;
        LessonSources sources = new LessonSources() {
            @Override
            public Volume testDigit(int index) {
                return new Volume(new Dims(1, 28, 28), stroke);
            }

            @Override
            public Volume explorerDrawing() {
                return Volume.zeros(new Dims(1, 28, 28));
            }

            @Override
            public java.util.Optional<CurrentModel> currentModel() {
                return java.util.Optional.of(new CurrentModel("resblock.onnx", explorer.network(), explorer));
            }
        };
        Lesson lesson = LessonFile.load(Path.of("samples/lessons/classic-examples.json"), sources);
        view = new LectureView(new LectureModel(lesson), sources);
        stage.setScene(new Scene(view, 960, 720));
        stage.show();
        view.requestFocus();
    }

    private LayerStepper layer() {
        return (LayerStepper) view.model().stepper();
    }

    private String text(FxRobot robot, String styleClass) {
        return robot.lookup(styleClass).queryAs(Label.class).getText();
    }

    private Button button(FxRobot robot, String text) {
        return robot.lookup(".parameters-panel .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    private void waitForStatus(java.util.function.Predicate<String> done) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done.test(view.status().getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("still \"" + view.status().getText() + "\" after 60 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lAddsTheCurrentModelsFirstFilterOverTheExplorersInputAndLeftLeavesIt(FxRobot robot) {
        int frames = view.model().frameCount();
        robot.type(KeyCode.L);
        assertEquals(frames + 1, view.model().frameCount());
        assertEquals(1, view.model().frameIndexProperty().get(), "right after the frame that was shown");
        assertSame(explorer, layer().conv().pass(), "the explorer's own pass: nothing is run again");
        assertEquals("stem.0 of resblock.onnx: filter 1 of 16", text(robot, ".frame-title"));
        assertTrue(text(robot, ".frame-caption").contains("for the explorer's input (a photo)"), text(robot, ".frame-caption"));
        assertTrue(view.layerPanel().getScene() != null, "the panel opens to choose another layer");

        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        String line = text(robot, ".explanation");
        String engine = layer().numberStyle().format(explorer.snapshot().output(layer().conv().layer())[1]);
        assertTrue(line.startsWith("out[1, 2, 1] = ΣR + ΣG + ΣB + b = ") && line.endsWith(" " + engine),
                line + " ends with the engine's own output " + engine);
        assertTrue(DiagramClicks.texts(view.diagram(), "label").containsAll(List.of("R", "G", "B")));
        assertEquals(3, DiagramClicks.texts(view.diagram(), "sum").stream().filter(t -> t.startsWith("Σ ")).count(),
                "one sum beside each channel's products");

        robot.type(KeyCode.LEFT, KeyCode.LEFT, KeyCode.LEFT);
        assertEquals(0, view.model().frameIndexProperty().get(), "← from the frame's start goes back to where L was pressed");
        assertEquals(frames + 1, view.model().frameCount(), "the frame stays in the lecture");
    }

    @Test
    void thePanelChangesLayerFilterAndChannelsAtOnce(FxRobot robot) {
        robot.type(KeyCode.L);
        robot.interact(() -> view.applyCss());
        @SuppressWarnings("unchecked")
        ComboBox<Object> layers = robot.lookup(".parameters-panel .combo-box").queryAs(ComboBox.class);
        assertEquals(6, layers.getItems().size(), "the six convolutions of the fixture");
        robot.interact(() -> layers.getSelectionModel().select(4));
        assertEquals("block2.conv2 of resblock.onnx: filter 1 of 32", text(robot, ".frame-title"));
        assertSame(explorer, layer().conv().pass(), "a layer of the same pass");
        @SuppressWarnings("unchecked")
        Spinner<Integer> filter = robot.lookup(".parameters-panel .spinner").queryAs(Spinner.class);
        robot.interact(() -> filter.getValueFactory().setValue(7));
        assertEquals(6, layer().conv().filter());
        assertEquals(32, layer().conv().depth());

        robot.type(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT);
        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(1, layer().page());
        assertEquals(3, layer().position(), "paging keeps the step");
        assertTrue(DiagramClicks.texts(view.diagram(), "label").contains("channel 4"));
        assertTrue(text(robot, ".frame-caption").contains("In detail: channels 4 to 6"), text(robot, ".frame-caption"));

        List<Diagram.Click> cells = DiagramClicks.hits(view.diagram(), Diagram.Click.class);
        robot.clickOn(DiagramClicks.screen(view.diagram(), cells.get(31)));
        assertEquals(10, layer().page(), "a click on channel 32's Σ shows its page, channels 31 and 32");
        assertEquals(List.of(30, 31), layer().shown());
        robot.type(KeyCode.OPEN_BRACKET);
        assertEquals(9, layer().page());
    }

    @Test
    void predictModeHidesTheSumsAndTheResultAndPagingKeepsThemHidden(FxRobot robot) {
        robot.type(KeyCode.L);
        robot.interact(() -> {
            view.model().setPredict(true);
            ((ComboBox<?>) view.lookupAll(".parameters-panel .combo-box").iterator().next()).getSelectionModel().select(1);
        });
        robot.type(KeyCode.RIGHT);
        assertTrue(view.model().concealedProperty().get());
        assertTrue(text(robot, ".explanation").endsWith("= ?"), text(robot, ".explanation"));
        assertTrue(DiagramClicks.texts(view.diagram(), "channel-sum").isEmpty(), "no channel's Σ");
        assertTrue(DiagramClicks.texts(view.diagram(), "sum").stream().allMatch(t -> t.isEmpty() || t.endsWith("?")),
                DiagramClicks.texts(view.diagram(), "sum").toString());
        robot.type(KeyCode.CLOSE_BRACKET);
        assertTrue(view.model().concealedProperty().get(), "another page of channels does not reveal the answer");
        robot.type(KeyCode.RIGHT);
        assertFalse(view.model().concealedProperty().get());
        String total = layer().numberStyle().format(explorer.snapshot().output(layer().conv().layer())[0]);
        assertTrue(DiagramClicks.texts(view.diagram(), "sum").stream()
                .anyMatch(t -> t.startsWith("Σ of 16 channels + b = ") && t.endsWith(" " + total)), "revealed: "
                + DiagramClicks.texts(view.diagram(), "sum"));
        assertTrue(text(robot, ".explanation").endsWith(" " + total), text(robot, ".explanation"));
    }

    @Test
    void aPhotoIsReadAndRunInTheBackgroundAndABadOneIsOneLine(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.type(KeyCode.L);
        robot.interact(() -> view.applyCss());
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) picture.setRGB(x, y, x < 32 ? 0xE03020 : 0x2040E0);
        Path file = dir.resolve("red-blue.png");
        ImageIO.write(picture, "png", file.toFile());
        robot.interact(() -> view.layerPanel().usePhoto(file));
        waitForStatus(String::isEmpty);
        NetworkPass pass = layer().conv().pass();
        assertNotSame(explorer, pass);
        assertEquals("red-blue.png, ImageNet preprocessing", pass.input());
        assertEquals(0, layer().conv().layer(), "the same layer and filter over the photo");
        assertTrue(text(robot, ".frame-caption").contains("for red-blue.png, ImageNet preprocessing"));
        assertTrue(pass.values()[0] > pass.values()[2 * 32 * 32], "red on the left: more red than blue");

        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not a picture");
        robot.interact(() -> view.layerPanel().usePhoto(broken));
        waitForStatus(t -> t.contains("broken.png"));
        assertTrue(view.status().getStyleClass().contains("problem"));
        assertFalse(view.status().getText().contains("\n"));
        assertSame(pass, layer().conv().pass(), "a bad file changes nothing");

        robot.interact(() -> button(robot, "Test digit").fire());
        waitForStatus(String::isEmpty);
        assertEquals("test digit 0, ImageNet preprocessing", layer().conv().pass().input());
        robot.interact(() -> button(robot, "Explorer's input").fire());
        assertSame(explorer, layer().conv().pass(), "back to the explorer's own pass, at once");
    }

    @Test
    void anotherModelOpensInTheBackgroundOverTheSameInputWhereItFits(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.type(KeyCode.L);
        robot.interact(() -> view.layerPanel().openModel(Path.of("src/test/resources/onnx/mobile/model.onnx")));
        waitForStatus(String::isEmpty);
        NetworkPass mobile = layer().conv().pass();
        assertEquals("model.onnx", mobile.model());
        assertNotSame(explorer.network(), mobile.network());
        assertEquals("the explorer's input (a photo)", mobile.input(), "a 32×32×3 input fits the mobile fixture as well");
        assertTrue(text(robot, ".frame-title").startsWith("stem.0 of model.onnx: filter 1 of 16"), text(robot, ".frame-title"));

        robot.interact(() -> view.layerPanel().openModel(Path.of("src/test/resources/onnx/lenet/model.onnx")));
        waitForStatus(String::isEmpty);
        assertEquals(new Dims(1, 28, 28), layer().conv().pass().network().input());
        assertEquals("test digit 0, MNIST preprocessing", layer().conv().pass().input(),
                "a colour picture does not fit a digit model: a test digit, preprocessed as MNIST was made");

        Path broken = dir.resolve("broken.onnx");
        Files.writeString(broken, "not a model");
        robot.interact(() -> view.layerPanel().openModel(broken));
        waitForStatus(t -> t.startsWith("broken.onnx: "));
        assertFalse(view.status().getText().contains("\n"));
        assertEquals(new Dims(1, 28, 28), layer().conv().pass().network().input(), "a broken file changes nothing");

        robot.interact(() -> button(robot, "Explorer's model").fire());
        assertSame(explorer, layer().conv().pass(), "back to the app's model and the explorer's own pass, at once");
    }
}
