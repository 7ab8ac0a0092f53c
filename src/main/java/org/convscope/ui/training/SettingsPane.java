package org.convscope.ui.training;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.convscope.engine.Loss;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.training.TrainingFrame;
import org.convscope.training.TrainingSettings;

/**
 * Optimizer, learning rate, momentum, batch size, weight decay and loss. Changeable while paused; the learning rate
 * also while running (Enter in its field applies it).
 */
final class SettingsPane extends HBox {
    final ChoiceBox<OptimizerConfig.Kind> optimizer = new ChoiceBox<>();
    final TextField learningRate = field("learning-rate", "Step size η of every update");
    final TextField momentum = field("momentum", "Momentum μ (for SGD with momentum)");
    final TextField batch = field("batch-size", "Images per training step");
    final TextField decay = field("weight-decay", "Weight decay λ: adds λ·w to the gradient of every weight");
    final ChoiceBox<Loss> loss = new ChoiceBox<>();
    final Button apply = new Button("Apply");
    private final Label problem = new Label();
    private final TrainingViewModel model;
    private TrainingSettings shown;

    SettingsPane(TrainingViewModel model) {
        this.model = model;
        getStyleClass().add("settings-pane");
        setAlignment(Pos.CENTER_LEFT);
        optimizer.setId("optimizer");
        loss.setId("loss");
        optimizer.getItems().setAll(OptimizerConfig.Kind.values());
        loss.getItems().setAll(Loss.values());
        optimizer.setConverter(names(OptimizerConfig.Kind.class, java.util.Map.of(OptimizerConfig.Kind.SGD, "SGD",
                OptimizerConfig.Kind.MOMENTUM, "SGD + momentum", OptimizerConfig.Kind.ADAM, "Adam")));
        optimizer.setTooltip(new Tooltip("Plain SGD, SGD with momentum μ, or Adam"));
        loss.setConverter(names(Loss.class, java.util.Map.of(Loss.CROSS_ENTROPY, "cross-entropy", Loss.SQUARED_ERROR,
                "½Σ(t − y)²")));
        loss.setTooltip(new Tooltip("Cross-entropy −log p(true class), or squared error ½Σ(target − output)²"));
        apply.setId("apply-settings");
        problem.getStyleClass().add("problem");
        getChildren().addAll(new Label("optimizer"), optimizer, new Label("η"), learningRate, new Label("μ"), momentum,
                new Label("batch"), batch, new Label("λ"), decay, new Label("loss"), loss, apply, problem);
        apply.setOnAction(e -> submit());
        learningRate.setOnAction(e -> submit());
    }

    /** Shows enum constants by these names (ChoiceBox needs a converter both ways). */
    private static <E extends Enum<E>> javafx.util.StringConverter<E> names(Class<E> type, java.util.Map<E, String> names) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : names.getOrDefault(value, value.name());
            }

            @Override
            public E fromString(String text) {
                for (E e : type.getEnumConstants()) if (toString(e).equals(text)) return e;
                return null;
            }
        };
    }

    private static TextField field(String id, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(5);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private void submit() {
        try {
            OptimizerConfig was = shown.optimizer();
            float lr = value(learningRate, was.learningRate());
            float mu = value(momentum, was.momentum());
            float lambda = value(decay, was.weightDecay());
            int b = Integer.parseInt(batch.getText().trim());
            OptimizerConfig o = new OptimizerConfig(optimizer.getValue(), lr, mu, was.beta1(), was.beta2(), was.epsilon(),
                    lambda);
            problem.setText("");
            model.apply(shown.withOptimizer(o).withBatchSize(b).withLoss(loss.getValue()));
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }

    void show(TrainingFrame f) {
        boolean running = f.running();
        for (var control : new javafx.scene.Node[] {optimizer, momentum, batch, decay, loss}) control.setDisable(running);
        if (f.settings().equals(shown)) return;
        shown = f.settings();
        OptimizerConfig o = shown.optimizer();
        optimizer.setValue(o.kind());
        learningRate.setText(number(o.learningRate()));
        momentum.setText(number(o.momentum()));
        decay.setText(number(o.weightDecay()));
        batch.setText(Integer.toString(shown.batchSize()));
        loss.setValue(shown.loss());
    }

    /**
     * The field's number: the session's own value while the field still shows it, so that applying a change to one
     * field never rounds the others to the six digits they are shown with; otherwise what was typed.
     */
    private static float value(TextField field, float shownValue) {
        String text = field.getText().trim();
        return text.equals(number(shownValue)) ? shownValue : Float.parseFloat(text);
    }

    private static String number(float v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+($|e)", "$1");
    }
}
