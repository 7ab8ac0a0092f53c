package org.convscope.ui.explorer.network;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.paint.Color;
import javafx.scene.layout.StackPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.UnitRef;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.lecture.Notation;
import org.convscope.ui.explorer.Normalisation;
import org.convscope.ui.view.ColorMap;

/**
 * One node of the graph view: its name, kind and output shape (channels×height×width, as the app writes sizes), and
 * its first {@value #SHOWN} channels in the chosen order (strongest first, or in order) as tiles of one image; a
 * vector output as a grid of its units; a colour input as the picture and its R, G and B channels. "all N" opens
 * every channel ({@link ChannelPage}); a tile opens its map full size ({@link MapDetail}); the pointer over a tile
 * selects the unit under it.
 */
final class NodeCard extends VBox {
    static final double WIDTH = 172;
    static final double HEIGHT = 168;
    static final int COLUMNS = 4;
    static final int ROWS = 2;
    static final int SHOWN = COLUMNS * ROWS;
    static final int TILE = 38;
    static final int GAP = 2;
    static final int IMAGE_WIDTH = COLUMNS * TILE + (COLUMNS - 1) * GAP;
    static final int IMAGE_HEIGHT = ROWS * TILE + (ROWS - 1) * GAP;
    private static final StyleablePropertyFactory<NodeCard> CSS = new StyleablePropertyFactory<>(VBox.getClassCssMetaData());

    /** What the card asks of the view. */
    interface Actions {
        void unit(UnitRef unit, boolean clicked);

        void showAll(int layer);

        void showMap(int layer, int channel);
    }

    private final int layer;
    private final Dims dims;
    private final ColorMap map;
    private final boolean colourInput;
    private final WritableImage image = new WritableImage(IMAGE_WIDTH, IMAGE_HEIGHT);
    private final int[] pixels = new int[IMAGE_WIDTH * IMAGE_HEIGHT];
    private final ImageView view = new ImageView(image);
    private final WritableImage marks = new WritableImage(IMAGE_WIDTH, IMAGE_HEIGHT);
    private final int[] markPixels = new int[IMAGE_WIDTH * IMAGE_HEIGHT];
    private final ImageView marksView = new ImageView(marks);
    private final StyleableProperty<Color> selectedColour =
            CSS.createStyleableColorProperty(this, "markSelected", "-x-mark-selected", c -> c.selectedColour, Color.MAGENTA);
    private final StyleableProperty<Color> feedsColour =
            CSS.createStyleableColorProperty(this, "markFeeds", "-x-mark-feeds", c -> c.feedsColour, Color.ORANGE);
    private Highlight highlight = Highlight.NONE;
    private final Label note = new Label();
    private final Actions actions;
    private int[] slots = new int[0]; // the channel shown in each tile
    private Object painted;           // what the image shows, to skip painting it again

    NodeCard(int layer, String name, String kind, String description, Dims dims, ColorMap map, Actions actions) {
        this.layer = layer;
        this.dims = dims;
        this.map = map;
        this.actions = actions;
        this.colourInput = layer < 0 && dims.channels() == 3 && !dims.isVector();
        getStyleClass().add("graph-node");
        setId(id(layer));
        setAccessibleText(name);
        Label title = label(name, "node-name");
        title.setTooltip(new Tooltip(name + "\n" + description + "\n" + Notation.size(dims) + " (height × width × depth)"));
        Label what = label(kind, "node-kind");
        Label shape = label(Notation.size(dims), "node-shape");
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox foot = new HBox(4, note, fill);
        note.getStyleClass().add("node-note");
        note.setMinWidth(0);
        if (!dims.isVector() && dims.channels() > 1) {
            Button all = new Button("all " + String.format("%,d", dims.channels()));
            all.setId("all-" + layer);
            all.getStyleClass().add("node-all");
            all.setTooltip(new Tooltip("Every channel of " + name + ", paged"));
            all.setOnAction(e -> actions.showAll(layer));
            all.setMinWidth(USE_PREF_SIZE);
            foot.getChildren().add(all);
        }
        view.getStyleClass().add("node-maps");
        view.addEventHandler(MouseEvent.MOUSE_MOVED, e -> actions.unit(unitAt(e.getX(), e.getY()), false));
        view.addEventHandler(MouseEvent.MOUSE_EXITED, e -> actions.unit(null, false));
        view.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            UnitRef u = unitAt(e.getX(), e.getY());
            if (u != null && e.isStillSincePress()) actions.showMap(layer, u.channel());
        });
        marksView.setMouseTransparent(true);
        marksView.getStyleClass().add("node-marks");
        marksView.setVisible(false);
        getChildren().addAll(title, what, shape, new StackPane(view, marksView), foot);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        l.setMaxWidth(WIDTH);
        return l;
    }

    /** The id of a layer's card (−1: the input), e.g. "node-3". */
    static String id(int layer) {
        return "node-" + layer;
    }

    int layer() {
        return layer;
    }

    /** The channels in the tiles, in order. */
    int[] shownChannels() {
        return slots.clone();
    }

    /** A layer's kind in a few words that fit a card, e.g. "3×3 conv s2, depthwise"; the full one is its tooltip. */
    static String kind(LayerSpec spec) {
        if (spec instanceof ConvSpec c) {
            String groups = c.groups() == 1 ? "" : c.groups() == c.filters() ? ", depthwise" : ", " + c.groups() + " groups";
            return c.kernelHeight() + "×" + c.kernelWidth() + " conv" + (c.stride() > 1 ? " s" + c.stride() : "") + groups;
        }
        return spec.describe();
    }

    /** The colour map of a layer's values: activations and pooling sequential, the rest signed. */
    static ColorMap colours(LayerSpec spec) {
        return spec instanceof ActivationSpec || spec instanceof PoolSpec || spec instanceof GlobalPoolSpec
                ? ColorMap.VIRIDIS : ColorMap.DIVERGING;
    }

    /** Paints the frame's values of this layer, unless the same are shown already. */
    void paint(ForwardSnapshot s, ValueRanges ranges, Normalisation mode, boolean sorted) {
        float[] data = s.source(layer);
        Object key = Arrays.asList(data, mode, sorted);
        if (key.equals(painted)) return;
        painted = key;
        Arrays.fill(pixels, 0);
        int plane = dims.height() * dims.width();
        if (dims.isVector()) {
            paintVector(data, ranges.range(mode, layer, 0));
        } else if (colourInput) {
            Thumbnails.rgb(pixels, IMAGE_WIDTH, 0, 0, IMAGE_HEIGHT, data, dims.height(), dims.width());
            slots = new int[] {-1, 0, 1, 2};
            int x = IMAGE_HEIGHT + GAP;
            for (int c = 0; c < 3; c++) {
                float[] r = ranges.range(mode, layer, c);
                Thumbnails.tile(pixels, IMAGE_WIDTH, x + (c % 2) * (TILE + GAP), (c / 2) * (TILE + GAP), TILE, data,
                        c * plane, dims.height(), dims.width(), map, r[0], r[1]);
            }
            note.setText("picture, R, G, B");
        } else {
            int[] order = ChannelOrder.of(data, dims.channels(), plane, sorted);
            slots = Arrays.copyOf(order, Math.min(SHOWN, order.length));
            for (int k = 0; k < slots.length; k++) {
                float[] r = ranges.range(mode, layer, slots[k]);
                Thumbnails.tile(pixels, IMAGE_WIDTH, (k % COLUMNS) * (TILE + GAP), (k / COLUMNS) * (TILE + GAP), TILE,
                        data, slots[k] * plane, dims.height(), dims.width(), map, r[0], r[1]);
            }
            note.setText(layer < 0 && dims.channels() == 1 ? "" : dims.channels() <= SHOWN
                    ? (sorted ? "strongest first" : "in order") : (sorted ? "top " : "first ") + slots.length);
        }
        image.getPixelWriter().setPixels(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT, PixelFormat.getIntArgbInstance(),
                IntBuffer.wrap(pixels), IMAGE_WIDTH);
        mark(highlight);
    }

    /**
     * Outlines, on the tiles shown, the selected unit and the units that feed it (on the input: its receptive field),
     * each region by the box around it, in the theme's colours; the maps stay visible inside.
     */
    void mark(Highlight h) {
        highlight = h;
        boolean[] mask = h.mask(layer);
        boolean any = false;
        java.util.Arrays.fill(markPixels, 0);
        if (!dims.isVector() && (mask != null || h.selected() != null && h.selected().layer() == layer)) {
            int plane = dims.height() * dims.width();
            if (colourInput && mask != null) any |= box(mask, 0, 0, 0, IMAGE_HEIGHT, argb(feedsColour.getValue()));
            for (int k = 0; k < slots.length; k++) {
                int c = slots[k];
                if (c < 0) continue;
                int x0 = colourInput ? IMAGE_HEIGHT + GAP + ((k - 1) % 2) * (TILE + GAP) : (k % COLUMNS) * (TILE + GAP);
                int y0 = colourInput ? ((k - 1) / 2) * (TILE + GAP) : (k / COLUMNS) * (TILE + GAP);
                if (mask != null) any |= box(mask, c * plane, x0, y0, TILE, argb(feedsColour.getValue()));
                int at = h.selectedIn(layer, c, dims.width());
                if (at >= 0) {
                    boolean[] one = new boolean[plane];
                    one[at] = true;
                    any |= box(one, 0, x0, y0, TILE, argb(selectedColour.getValue()));
                }
            }
        }
        if (any) {
            marks.getPixelWriter().setPixels(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT, PixelFormat.getIntArgbInstance(),
                    IntBuffer.wrap(markPixels), IMAGE_WIDTH);
        }
        marksView.setVisible(any);
    }

    /** Outlines the box around the set values of one map (mask[off…]) on its size² tile at (x0, y0); false when none. */
    private boolean box(boolean[] mask, int off, int x0, int y0, int size, int colour) {
        int top = Integer.MAX_VALUE, left = Integer.MAX_VALUE, bottom = -1, right = -1;
        for (int r = 0; r < dims.height(); r++) {
            for (int c = 0; c < dims.width(); c++) {
                if (!mask[off + r * dims.width() + c]) continue;
                top = Math.min(top, r);
                bottom = Math.max(bottom, r);
                left = Math.min(left, c);
                right = Math.max(right, c);
            }
        }
        if (bottom < 0) return false;
        int px0 = x0 + left * size / dims.width();
        int px1 = Math.max(px0 + 2, x0 + (right + 1) * size / dims.width()) - 1;
        int py0 = y0 + top * size / dims.height();
        int py1 = Math.max(py0 + 2, y0 + (bottom + 1) * size / dims.height()) - 1;
        for (int x = px0; x <= px1; x++) {
            markPixels[py0 * IMAGE_WIDTH + x] = colour;
            markPixels[py1 * IMAGE_WIDTH + x] = colour;
        }
        for (int y = py0; y <= py1; y++) {
            markPixels[y * IMAGE_WIDTH + px0] = colour;
            markPixels[y * IMAGE_WIDTH + px1] = colour;
        }
        return true;
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** A vector as a grid of units filling the image; the last layer's top three values beside it. */
    private void paintVector(float[] data, float[] range) {
        int n = data.length;
        int columns = (int) Math.ceil(Math.sqrt(n * (double) IMAGE_WIDTH / IMAGE_HEIGHT));
        int rows = Math.ceilDiv(n, columns);
        int cell = Math.max(1, Math.min(IMAGE_WIDTH / columns, IMAGE_HEIGHT / rows));
        int shown = Math.min(n, columns * (IMAGE_HEIGHT / cell));
        Thumbnails.units(pixels, IMAGE_WIDTH, 0, 0, cell, Math.min(columns, IMAGE_WIDTH / cell), data, 0, shown, map,
                range[0], range[1]);
        slots = new int[] {0};
        int[] top = top(data, 3);
        StringBuilder text = new StringBuilder("top");
        for (int t : top) text.append(String.format(Locale.ROOT, " %d", t));
        note.setText(text.toString());
    }

    /** Indices of the k largest values, largest first. */
    static int[] top(float[] v, int k) {
        int[] best = new int[Math.min(k, v.length)];
        boolean[] used = new boolean[v.length];
        for (int j = 0; j < best.length; j++) {
            int b = -1;
            for (int i = 0; i < v.length; i++) if (!used[i] && (b < 0 || v[i] > v[b])) b = i;
            used[b] = true;
            best[j] = b;
        }
        return best;
    }

    /** The unit under a point of the image, or null between tiles. */
    private UnitRef unitAt(double x, double y) {
        if (dims.isVector()) return null;
        int col = (int) (x / (TILE + GAP));
        int row = (int) (y / (TILE + GAP));
        double ix = x - col * (TILE + GAP);
        double iy = y - row * (TILE + GAP);
        int channel;
        int size = TILE;
        if (colourInput) {
            if (x < IMAGE_HEIGHT) {
                channel = 0; // the picture: its units are the first channel's
                size = IMAGE_HEIGHT;
                ix = x;
                iy = y;
            } else {
                int c = (int) ((x - IMAGE_HEIGHT - GAP) / (TILE + GAP)) + 2 * row;
                ix = x - IMAGE_HEIGHT - GAP - (c % 2) * (TILE + GAP);
                channel = c;
            }
        } else {
            int slot = row * COLUMNS + col;
            channel = slot < slots.length ? slots[slot] : -1;
        }
        if (channel < 0 || channel >= dims.channels() || ix < 0 || iy < 0 || ix >= size || iy >= size) return null;
        return new UnitRef(layer, channel, (int) (iy * dims.height() / size), (int) (ix * dims.width() / size));
    }

    /** Marks the card of the selected unit's layer. */
    void select(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");
}
