package org.convscope.engine.spec;

/** A network specification that cannot be built; the message says why in words, naming the layer. */
public final class InvalidNetworkException extends IllegalArgumentException {
    public InvalidNetworkException(String message) {
        super(message);
    }
}
