package org.convscope.ui.training;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One layer's tiles — its filters, or its feature maps — in a grid that wraps to the width it is given, a page of
 * {@value #PAGE} at a time (with ‹ › when there are more), in their order or sorted by the content's key (most
 * changed, most active). Each value is a square of pixels, as large as lets the page fit {@code maxHeight} (up to
 * the content's largest useful scale), painted with one bulk pixel write. Hovering a tile tells what it is. Its caption,
 * the order and the page stay as they are while new frames come.
 */
final class LayerTiles extends VBox implements StudioPalette.Host {
    static final int PAGE = 64;
    static final String IN_ORDER = "in order";
    /** Layers of more tiles than this offer the sorted order (fewer are seen at a glance). */
    static final int SORT_FROM = 16;
    private static final int GAP = 2;
    private static final double DEFAULT_WIDTH = 400;

    final Label title = new Label();
    final ChoiceBox<String> order = new ChoiceBox<>();
    final Button previous = pagerButton("‹", "The tiles before");
    final Button next = pagerButton("›", "The next tiles");
    final Label pageText = new Label();
    /** "frozen", with a lock, on a layer whose weights do not train; its tiles are dimmed then. */
    final Label frozenMark = new Label("frozen", new FontIcon("mdi2l-lock"));
    private final HBox pager = new HBox(previous, pageText, next);
    private final ImageView view = new ImageView();
    final Tooltip tip = new Tooltip();
    private final StudioPalette palette = new StudioPalette(this, this::repaint);
    private final double maxHeight;
    private TileContent content;
    private int page;
    private int[] shown = new int[0]; // the tile at each grid position
    private int columns = 1;
    private int cellWidth = 1;
    private int cellHeight = 1;
    private int[] pixels = new int[0];
    private WritableImage image;
    private double paintedWidth = -1;

    /**
     * @param sortedBy  the name of the content's sort key ("most changed"), or null for none
     * @param maxHeight the height a page should fit in, in pixels
     */
    LayerTiles(String sortedBy, double maxHeight) {
        this.maxHeight = maxHeight;
        getStyleClass().addAll("layer-grid", StudioPalette.STYLE_CLASS);
        setMinWidth(0); // the image follows the width, so it must not hold the column at its last width
        title.getStyleClass().add("caption");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        pageText.getStyleClass().add("caption");
        pager.getStyleClass().add("pager");
        pager.setAlignment(Pos.CENTER_LEFT);
        HBox tools = new HBox(6);
        tools.setAlignment(Pos.CENTER_LEFT);
        FlowPane header = new FlowPane(8, 2, title, tools); // the tools go under the caption when it is long
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinWidth(0); // a FlowPane is as wide as its widest child at least: the caption wraps instead
        title.maxWidthProperty().bind(header.widthProperty());
        if (sortedBy != null) {
            order.getItems().setAll(IN_ORDER, sortedBy);
            order.setValue(IN_ORDER);
            order.setTooltip(new Tooltip("Show the tiles in their order, or " + sortedBy + " first"));
            order.getStyleClass().add("small");
            order.valueProperty().addListener((o, a, b) -> {
                page = 0;
                repaint();
            });
            tools.getChildren().add(order);
        }
        frozenMark.getStyleClass().add("frozen-mark");
        frozenMark.setTooltip(new Tooltip(HealthPane.FROZEN_TIP));
        frozenMark.setMinWidth(Region.USE_PREF_SIZE);
        tools.getChildren().add(0, frozenMark);
        tools.getChildren().add(pager);
        showPager(false);
        setFrozen(false);
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(20));
        Tooltip.install(view, tip);
        view.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int tile = tileAt(e.getX(), e.getY());
            String frozenNote = frozen() ? "\nfrozen: only the last layers train" : "";
            tip.setText(tile < 0 ? "" : content.describe(tile) + frozenNote);
        });
        previous.setOnAction(e -> turn(-1));
        next.setOnAction(e -> turn(1));
        widthProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - paintedWidth) >= 1) repaint();
        });
        getChildren().addAll(header, view);
    }

    private static Button pagerButton(String text, String tip) {
        Button b = new Button(text);
        b.getStyleClass().add("small");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    @Override
    public StudioPalette palette() {
        return palette;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return StudioPalette.cssMetaData(VBox.getClassCssMetaData());
    }

    /** Shows new content under this caption, keeping the order and (when it still exists) the page. */
    void show(String caption, TileContent newContent) {
        title.setText(caption);
        content = newContent;
        repaint();
    }

    /** Marks the layer as frozen (a lock and "frozen" beside the caption, the tiles dimmed), or as training. */
    void setFrozen(boolean frozen) {
        frozenMark.setVisible(frozen);
        frozenMark.setManaged(frozen);
        if (frozen != getStyleClass().contains("frozen-layer")) {
            if (frozen) getStyleClass().add("frozen-layer");
            else getStyleClass().remove("frozen-layer");
        }
    }

    /** Whether the layer is marked as frozen. */
    boolean frozen() {
        return frozenMark.isVisible();
    }

    /** The tiles on the page shown, in their grid order. */
    int[] shownTiles() {
        return shown.clone();
    }

    /** A tile's width on screen, in pixels. */
    int tileWidth() {
        return cellWidth - GAP;
    }

    /** The page shown, from 0; a page holds at most {@value #PAGE} tiles. */
    int page() {
        return page;
    }

    /** The tile under a point of the image, or −1. */
    int tileAt(double x, double y) {
        if (content == null) return -1;
        int col = (int) ((x - GAP) / cellWidth);
        int row = (int) ((y - GAP) / cellHeight);
        if (x < GAP || y < GAP || col >= columns) return -1;
        int i = row * columns + col;
        return i < shown.length ? shown[i] : -1;
    }

    private void turn(int delta) {
        page += delta;
        repaint();
    }

    private void showPager(boolean on) {
        pager.setVisible(on);
        pager.setManaged(on);
    }

    private void repaint() {
        if (content == null) return;
        paintedWidth = getWidth();
        double width = (paintedWidth > 0 ? paintedWidth : DEFAULT_WIDTH) - snappedLeftInset() - snappedRightInset();
        int count = content.count();
        int perPage = pageSize(width);
        int pages = Math.max(1, (count + perPage - 1) / perPage);
        page = Math.clamp(page, 0, pages - 1);
        int from = page * perPage;
        int n = Math.min(perPage, count - from);
        boolean sortable = count > SORT_FROM && content.keys() != null;
        order.setVisible(sortable && !order.getItems().isEmpty());
        order.setManaged(order.isVisible());
        shown = pageOrder(count, from, n);
        showPager(pages > 1);
        pageText.setText(String.format(Locale.ROOT, "%d–%d of %d", from + 1, from + n, count));
        previous.setDisable(page == 0);
        next.setDisable(page == pages - 1);

        int scale = scale(n, width);
        cellWidth = content.width(scale) + GAP;
        cellHeight = content.height(scale) + GAP;
        columns = (int) Math.max(1, Math.min(n, (width - GAP) / cellWidth));
        int rows = (n + columns - 1) / columns;
        int w = columns * cellWidth + GAP;
        int h = Math.max(1, rows) * cellHeight + GAP;
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
        }
        Arrays.fill(pixels, palette.argb(StudioPalette.Ink.PANEL));
        int gap = palette.argb(StudioPalette.Ink.GAP);
        for (int i = 0; i < n; i++) {
            content.paint(shown[i], pixels, w, GAP + (i % columns) * cellWidth, GAP + (i / columns) * cellHeight, scale,
                    gap);
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(pixels), w);
        view.setImage(image);
    }

    /**
     * Tiles per page: as many as fit {@code maxHeight} at the content's smallest readable scale, at most {@value #PAGE}
     * and at least a row. Steps of 8 keep the pages' bounds round (1–48, 49–96…).
     */
    private int pageSize(double width) {
        int min = Math.max(1, content.minScale());
        int cols = (int) Math.max(1, (width - GAP) / (content.width(min) + GAP));
        int rows = (int) Math.max(1, (maxHeight - GAP) / (content.height(min) + GAP));
        int fit = cols * rows;
        return fit >= PAGE ? PAGE : Math.max(Math.min(cols, PAGE), fit / 8 * 8);
    }

    /** The tiles of this page: in order, or by the content's key, largest first, over all the tiles. */
    private int[] pageOrder(int count, int from, int n) {
        double[] keys = !order.isVisible() || IN_ORDER.equals(order.getValue()) || order.getValue() == null ? null
                : content.keys();
        int[] tiles = new int[n];
        if (keys == null) {
            for (int i = 0; i < n; i++) tiles[i] = from + i;
            return tiles;
        }
        Integer[] all = new Integer[count];
        for (int i = 0; i < count; i++) all[i] = i;
        Arrays.sort(all, (a, b) -> Double.compare(keys[b], keys[a]));
        for (int i = 0; i < n; i++) tiles[i] = all[from + i];
        return tiles;
    }

    /**
     * The scale of the values: the largest at which n tiles fit the width and {@code maxHeight}, up to the content's
     * largest; then a little smaller (down to three quarters) if that takes fewer rows, so six filters make one row
     * rather than five and one. At least 1.
     */
    private int scale(int n, double width) {
        int best = 1;
        for (int s = Math.max(1, content.maxScale()); s > 1; s--) {
            if (rows(n, width, s) * (content.height(s) + GAP) + GAP <= maxHeight) {
                best = s;
                break;
            }
        }
        int chosen = best;
        for (int s = best - 1; s >= Math.max(1, (3 * best + 3) / 4); s--) {
            if (rows(n, width, s) < rows(n, width, chosen)) chosen = s;
        }
        return chosen;
    }

    /** Rows that n tiles take at this scale in this width (a huge number when not even one fits). */
    private int rows(int n, double width, int scale) {
        int cols = (int) Math.min(n, (width - GAP) / (content.width(scale) + GAP));
        return cols < 1 ? Integer.MAX_VALUE / 4 : (n + cols - 1) / cols;
    }
}
