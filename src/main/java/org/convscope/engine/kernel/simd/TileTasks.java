package org.convscope.engine.kernel.simd;

import org.convscope.engine.kernel.Parallel;

/**
 * The tiles of a convolution (per group, panels of filters × blocks of positions called units: runs or row pieces)
 * split into tasks for the threads: about four per thread, each a block of panels × a block of units of one group,
 * which it takes one panel at a time through all its units (so a panel's weights are read once per task and its
 * output rows written front to back). The weights are split first where they are larger than the image, the units
 * first otherwise, so that each task reads its own share of the larger once.
 */
final class TileTasks {
    /** One tile: group gr, panel p, unit u, computed with the buffers of slot. */
    @FunctionalInterface
    interface Tile {
        void run(int gr, int p, int u, int slot);
    }

    private final int groups;
    private final int panels;
    private final int units;
    private final int panelBlock;
    private final int unitBlock;

    TileTasks(int groups, int panels, int units, int threads, boolean panelsFirst) {
        this.groups = groups;
        this.panels = panels;
        this.units = units;
        int want = Math.max(1, Math.ceilDiv(4 * threads, groups));
        int panelBlocks;
        int unitBlocks;
        if (panelsFirst) {
            panelBlocks = Math.min(panels, want);
            unitBlocks = Math.min(units, Math.ceilDiv(want, panelBlocks));
        } else {
            unitBlocks = Math.min(units, want);
            panelBlocks = Math.min(panels, Math.ceilDiv(want, unitBlocks));
        }
        panelBlock = Math.ceilDiv(panels, panelBlocks);
        unitBlock = Math.ceilDiv(units, unitBlocks);
    }

    int count() {
        return groups * Math.ceilDiv(panels, panelBlock) * Math.ceilDiv(units, unitBlock);
    }

    /** Runs every tile on parallel, task by task. */
    void run(Parallel parallel, Tile tile) {
        int panelTasks = Math.ceilDiv(panels, panelBlock);
        int unitTasks = Math.ceilDiv(units, unitBlock);
        parallel.forEachWithSlot(count(), (task, slot) -> {
            int gr = task / (panelTasks * unitTasks);
            int p0 = task / unitTasks % panelTasks * panelBlock;
            int u0 = task % unitTasks * unitBlock;
            int p1 = Math.min(panels, p0 + panelBlock);
            int u1 = Math.min(units, u0 + unitBlock);
            for (int p = p0; p < p1; p++) for (int u = u0; u < u1; u++) tile.run(gr, p, u, slot);
        });
    }
}
