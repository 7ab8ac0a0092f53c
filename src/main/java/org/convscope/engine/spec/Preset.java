package org.convscope.engine.spec;

/**
 * A network that ships with ConvScope, as offered to the user: its key ({@code --arch} and lesson files), a title for
 * menus, one line on what it is, and the network itself.
 */
public record Preset(String key, String title, String description, NetworkSpec spec) {
    public Preset {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("preset key must not be blank");
        if (!key.equals(spec.name())) {
            throw new IllegalArgumentException(key + ": the preset's network is named " + spec.name());
        }
    }

    @Override
    public String toString() {
        return title;
    }
}
