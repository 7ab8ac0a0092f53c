package org.convscope.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** Placeholder shell of the main window: a header bar above an empty work area. */
public final class MainLayout extends BorderPane {
    public static final String HEADER_ID = "header";
    public static final String WORK_AREA_ID = "work-area";

    public MainLayout() {
        Label title = new Label(ConvScopeApp.TITLE);
        title.getStyleClass().add("app-title");
        HBox header = new HBox(title);
        header.setId(HEADER_ID);
        header.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label("No model loaded yet");
        hint.getStyleClass().add("placeholder");
        StackPane workArea = new StackPane(hint);
        workArea.setId(WORK_AREA_ID);

        setTop(header);
        setCenter(workArea);
    }
}
