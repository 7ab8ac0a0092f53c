package org.convscope.training;

import java.util.List;

/** The convolution filters as they were after {@code step} training steps. */
public record TimelineFrame(long step, List<ConvFilters> filters) {
    public TimelineFrame {
        filters = List.copyOf(filters);
    }
}
