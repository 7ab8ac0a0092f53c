package org.convscope.ui.training;

import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;

/** One captioned mosaic of a stack of layers: its title above the image, and the mosaic that paints it. */
record MosaicRow(Label title, ImageView view, Mosaic mosaic) {
    MosaicRow() {
        this(new Label(), new ImageView(), new Mosaic());
        title.getStyleClass().add("caption");
    }

    /** count new rows. */
    static List<MosaicRow> create(int count) {
        return Stream.generate(MosaicRow::new).limit(count).toList();
    }

    /** The title then the image, for adding to a pane. */
    List<Node> nodes() {
        return List.of(title, view);
    }
}
