package org.convscope.ui.explorer;

/** A message for the user, e.g. why a file could not be opened; a new sequence number shows it again. */
public record Notice(long sequence, Kind kind, String text) {
    public enum Kind { INFO, ERROR }
}
