package org.convscope.ui.lecture.diagram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The values last computed for a few keys (what a frame can ever show, worked out once per computation), the one
 * used least recently dropped first. Thread-safe; a value is computed outside the lock, so two threads may both
 * compute it once.
 */
final class Recent<K, V> {
    private final Map<K, V> values;

    /** Keeps the values of up to {@code keep} keys. */
    Recent(int keep) {
        values = new LinkedHashMap<>(2 * keep, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > keep;
            }
        };
    }

    /** The value kept for {@code key}, or the one {@code compute} makes, kept from then on. */
    V get(K key, Supplier<V> compute) {
        synchronized (values) {
            V v = values.get(key);
            if (v != null) return v;
        }
        V v = compute.get();
        synchronized (values) {
            values.put(key, v);
        }
        return v;
    }
}
