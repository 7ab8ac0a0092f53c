package org.convscope.ui.training;

import static org.convscope.ui.training.TrainingViewTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.convscope.data.Dataset;
import org.convscope.data.TrainTest;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.spec.Presets;
import org.convscope.training.StudioSessions;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The settings row shows numbers to six digits; applying a change to one field leaves the session's other numbers
 * exactly as they were, not rounded to what the row shows. The tiny network on a few noise images, so it starts fast.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsPaneTest {
    /** Numbers with more digits than the row shows, and Adam's constants (not shown at all) off their defaults. */
    private static final OptimizerConfig EXACT = new OptimizerConfig(OptimizerConfig.Kind.MOMENTUM, 0.0123456789f,
            0.123456789f, 0.85f, 0.995f, 1e-7f, 1.23456789e-4f);

    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        TrainTest noise = new TrainTest(noise("noise train", 32, 1), noise("noise test", 8, 2));
        model = new TrainingViewModel(StudioSessions.on(noise, Presets.tiny(),
                TrainingSettings.defaults().withOptimizer(EXACT), ""));
        stage.setScene(new Scene(new TrainingView(model, ExplorerLink.NONE), 980, 700));
        stage.show();
    }

    private static Dataset noise(String name, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * 28 * 28];
        byte[] labels = new byte[count];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) random.nextInt(256);
        for (int i = 0; i < count; i++) labels[i] = (byte) (i % 10);
        return new Dataset(name, 1, 28, 28, 10, pixels, labels);
    }

    @AfterEach
    void close() {
        model.close();
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field).eraseText(12).write(text);
    }

    @Test
    void applyingANewLearningRateKeepsTheOtherNumbersExact(FxRobot robot) throws Exception {
        assertEquals("0.123457", robot.lookup("#momentum").queryAs(TextField.class).getText(), "shown to six digits");
        type(robot, "#learning-rate", "0.02");
        robot.clickOn("#apply-settings");
        TrainingFrame applied = waitFor(model, f -> f.settings().optimizer().learningRate() == 0.02f);
        assertEquals(EXACT.withLearningRate(0.02f), applied.settings().optimizer());
    }

    @Test
    void aChangedMomentumIsWhatWasTypedAndTheRestStaysExact(FxRobot robot) throws Exception {
        type(robot, "#momentum", "0.5");
        robot.clickOn("#apply-settings");
        TrainingFrame applied = waitFor(model, f -> f.settings().optimizer().momentum() == 0.5f);
        assertEquals(new OptimizerConfig(EXACT.kind(), EXACT.learningRate(), 0.5f, EXACT.beta1(), EXACT.beta2(),
                EXACT.epsilon(), EXACT.weightDecay()), applied.settings().optimizer());
    }
}
