package org.convscope.ui.explorer.network;

import java.nio.IntBuffer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.view.ColorMap;

/**
 * Every channel of one layer, {@value #PAGE} to a page (or all on one, for a picture) in the chosen order, each a tile of one image with its index
 * and mean under it; ‹ and › turn the pages, a tile opens its map full size. Only the page shown is painted.
 */
final class ChannelPage extends VBox {
    static final int PAGE = 64;
    static final int TILE = 64;
    /** Tiles in a row of a page that does not scroll (for a picture of every channel). */
    private static final int WRAP = 16;

    private final int pageSize;
    private final ImageView[] views;
    private final WritableImage[] images;
    private final Label[] captions;
    private final VBox[] cells;
    private final int[] pixels = new int[TILE * TILE];
    private final Label pageLabel = new Label();
    private final Button previous = new Button("‹");
    private final Button next = new Button("›");
    private final NodeCard.Actions actions;
    private int layer;
    private Dims dims;
    private ColorMap map;
    private int page;
    private int[] order = new int[0];
    private ForwardSnapshot snapshot;
    private ValueRanges ranges;
    private Normalisation mode;

    /** Pages of {@value #PAGE} channels in a scroll pane. */
    ChannelPage(NodeCard.Actions actions) {
        this(actions, PAGE, true);
    }

    /** Pages of pageSize channels, in a scroll pane or laid out in full ({@code scrolls} false). */
    ChannelPage(NodeCard.Actions actions, int pageSize, boolean scrolls) {
        this.actions = actions;
        this.pageSize = pageSize;
        views = new ImageView[pageSize];
        images = new WritableImage[pageSize];
        captions = new Label[pageSize];
        cells = new VBox[pageSize];
        getStyleClass().add("channel-page");
        FlowPane grid = new FlowPane(6, 6);
        grid.getStyleClass().add("channel-grid");
        for (int k = 0; k < pageSize; k++) {
            int slot = k;
            images[k] = new WritableImage(TILE, TILE);
            views[k] = new ImageView(images[k]);
            views[k].getStyleClass().add("channel-tile");
            captions[k] = new Label();
            captions[k].getStyleClass().add("channel-caption");
            cells[k] = new VBox(2, views[k], captions[k]);
            cells[k].setAlignment(Pos.TOP_CENTER);
            cells[k].setId("channel-" + k);
            cells[k].setOnMouseClicked(e -> actions.showMap(layer, order[page * pageSize + slot]));
            grid.getChildren().add(cells[k]);
        }
        Region body = grid;
        if (scrolls) {
            ScrollPane scroll = new ScrollPane(grid);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("channel-scroll");
            body = scroll;
        } else {
            grid.setPrefWrapLength(WRAP * (TILE + 6));
        }
        VBox.setVgrow(body, Priority.ALWAYS);
        previous.setId("page-previous");
        next.setId("page-next");
        pageLabel.setId("page-label");
        previous.setOnAction(e -> turn(-1));
        next.setOnAction(e -> turn(1));
        HBox pager = new HBox(8, previous, pageLabel, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(pager, body);
    }

    /** Shows a layer's channels from the first page. */
    void show(int layer, Dims dims, ColorMap map) {
        this.layer = layer;
        this.dims = dims;
        this.map = map;
        page = 0;
        repaint();
    }

    /** Paints the page with a frame's values, in the given order of channels. */
    void update(ForwardSnapshot s, ValueRanges ranges, Normalisation mode, int[] order) {
        this.snapshot = s;
        this.ranges = ranges;
        this.mode = mode;
        this.order = order;
        page = Math.min(page, pages() - 1);
        repaint();
    }

    int layer() {
        return layer;
    }

    int pages() {
        return Math.max(1, Math.ceilDiv(order.length, pageSize));
    }

    int page() {
        return page;
    }

    /** The channels on the page shown, in order. */
    int[] channelsShown() {
        int from = page * pageSize;
        return java.util.Arrays.copyOfRange(order, Math.min(from, order.length), Math.min(from + pageSize, order.length));
    }

    void turn(int by) {
        page = Math.clamp(page + by, 0, pages() - 1);
        repaint();
    }

    private void repaint() {
        if (snapshot == null || dims == null || order.length != dims.channels()) return;
        float[] data = snapshot.source(layer);
        int plane = dims.height() * dims.width();
        double[] means = ChannelOrder.means(data, dims.channels(), plane);
        int from = page * pageSize;
        for (int k = 0; k < pageSize; k++) {
            boolean used = from + k < order.length;
            cells[k].setVisible(used);
            cells[k].setManaged(used);
            if (!used) continue;
            int c = order[from + k];
            float[] r = ranges.range(mode, layer, c);
            Thumbnails.tile(pixels, TILE, 0, 0, TILE, data, c * plane, dims.height(), dims.width(), map, r[0], r[1]);
            images[k].getPixelWriter().setPixels(0, 0, TILE, TILE, PixelFormat.getIntArgbInstance(),
                    IntBuffer.wrap(pixels), TILE);
            captions[k].setText((c + 1) + " · " + ColumnLegend.format((float) means[c]));
        }
        pageLabel.setText(String.format("%d–%d of %,d channels", from + 1, Math.min(from + pageSize, order.length), order.length));
        previous.setDisable(page == 0);
        next.setDisable(page >= pages() - 1);
        for (Button b : new Button[] {previous, next}) {
            b.setVisible(pages() > 1);
            b.setManaged(pages() > 1);
        }
    }
}
