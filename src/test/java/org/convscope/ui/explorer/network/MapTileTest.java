package org.convscope.ui.explorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.convscope.ui.explorer.UiBench;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The units that feed a selected one are outlined, not covered: the map stays visible inside the region. */
class MapTileTest {
    @BeforeAll
    static void startFx() {
        UiBench.startHeadless();
    }

    @Test
    void aRegionIsOutlinedAndItsInsideLeftClear() throws Exception {
        int[] pixel = WaitForAsyncUtils.asyncFx(() -> {
            MapTile tile = new MapTile(10, 10, 80, 80, null, null); // 8 screen pixels a value
            StackPane root = new StackPane(tile);
            root.setStyle("-x-select: #ff0000; -x-feeds: #00ff00;");
            tile.setStyle("-x-mark-selected: -x-select; -x-mark-feeds: -x-feeds;");
            new Scene(root);
            root.applyCss();
            boolean[] mask = new boolean[100];
            for (int r = 2; r < 7; r++) for (int c = 3; c < 8; c++) mask[r * 10 + c] = true; // rows 2–6, cols 3–7
            tile.mark(mask, 0, 4 * 10 + 5); // the selected unit in the middle of it
            Image overlay = ((ImageView) tile.getChildrenUnmodifiable().get(1)).getImage();
            return new int[] {
                overlay.getPixelReader().getArgb(3 * 8, 3 * 8 + 4),     // left edge of the region
                overlay.getPixelReader().getArgb(4 * 8 + 4, 3 * 8 + 4), // inside it, not the selected unit
                overlay.getPixelReader().getArgb(5 * 8, 4 * 8 + 4),     // the selected unit's left edge
                overlay.getPixelReader().getArgb(5 * 8 + 4, 4 * 8 + 4), // the selected unit's middle
                overlay.getPixelReader().getArgb(0, 0)};                // outside
        }).get(30, TimeUnit.SECONDS);
        assertEquals(0xFF00FF00, pixel[0], "the region's border in the feeds colour");
        assertEquals(0, pixel[1] >>> 24, "inside the region the map shows through");
        assertEquals(0xFFFF0000, pixel[2], "the selected unit's border in its colour");
        assertEquals(0, pixel[3] >>> 24, "the selected value itself stays visible");
        assertEquals(0, pixel[4] >>> 24);
        assertNotEquals(pixel[0], pixel[2]);
    }
}
