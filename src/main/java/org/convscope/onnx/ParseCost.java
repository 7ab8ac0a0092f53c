package org.convscope.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * What parsing a protobuf message would allocate, found by walking its bytes with the message's
 * descriptor and allocating nothing.
 *
 * <p>A file's size does not bound what its parse costs: an empty repeated message takes two bytes
 * in the file and some hundred on the heap, a one-byte varint of a packed {@code int64} list eight.
 * This walk adds up such costs, so {@link OnnxReader} can compare them with the heap before it
 * parses. It also checks the structure the parser will rely on: every length within its enclosing
 * message, nesting no deeper than a limit, groups closed. Fields the descriptor does not know
 * cost nothing: the parse discards them.
 */
final class ParseCost {
    /** A message object with its fields, and its slot in a list. */
    static final long MESSAGE_BYTES = 128;
    /** A string or bytes field's objects, besides its characters. */
    static final long STRING_BYTES = 64;

    /** The walk found the bytes malformed; the message says how and where. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final CodedInputStream in;
    private final int depthLimit;

    private ParseCost(byte[] bytes, int depthLimit) {
        this.in = CodedInputStream.newInstance(bytes);
        this.depthLimit = depthLimit;
    }

    /**
     * The bytes that parsing {@code bytes} as a {@code type} would allocate, roughly and on the
     * high side.
     *
     * @param depthLimit the deepest nesting of messages and groups accepted
     * @throws Malformed if the bytes are not a well-formed message of nesting at most {@code depthLimit}
     */
    static long of(byte[] bytes, Descriptor type, int depthLimit) throws Malformed {
        ParseCost walk = new ParseCost(bytes, depthLimit);
        try {
            walk.in.pushLimit(bytes.length);
            return walk.message(type, 0, -1);
        } catch (IOException e) {
            throw walk.malformed("damaged protobuf data");
        }
    }

    /**
     * Walks fields up to the current limit, or up to the end of group {@code groupNumber} when it
     * is not -1.
     */
    private long message(Descriptor type, int depth, int groupNumber) throws IOException, Malformed {
        if (depth > depthLimit) {
            throw malformed("messages nested deeper than " + depthLimit + " levels");
        }
        long cost = MESSAGE_BYTES;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                if (groupNumber != -1) {
                    throw malformed("a group is not closed");
                }
                return cost;
            }
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (wireType == WireFormat.WIRETYPE_END_GROUP) {
                if (number != groupNumber) {
                    throw malformed("a group ends that was not opened");
                }
                return cost;
            }
            FieldDescriptor field = type == null ? null : type.findFieldByNumber(number);
            if (wireType == WireFormat.WIRETYPE_START_GROUP) {
                message(null, depth + 1, number);
            } else if (field == null) {
                skip(tag, wireType);
            } else {
                cost += field(field, tag, wireType, depth);
            }
        }
    }

    private long field(FieldDescriptor field, int tag, int wireType, int depth)
            throws IOException, Malformed {
        WireFormat.FieldType type = field.getLiteType();
        boolean packed = field.isRepeated() && type.isPackable()
                && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED;
        if (packed) {
            return packed(type);
        }
        if (wireType != type.getWireType()) {
            skip(tag, wireType); // the parser keeps a field of the wrong wire type as unknown
            return 0;
        }
        return switch (type) {
            case MESSAGE -> {
                int old = in.pushLimit(length());
                long cost = message(field.getMessageType(), depth + 1, -1);
                in.popLimit(old);
                yield cost;
            }
            case STRING -> STRING_BYTES + 2L * skipBytes();
            case BYTES -> STRING_BYTES + skipBytes();
            default -> {
                skip(tag, wireType);
                yield field.isRepeated() ? 3 * elementBytes(type) / 2 : 0;
            }
        };
    }

    /** A packed list: its elements as a growing list of primitives holds them. */
    private long packed(WireFormat.FieldType type) throws IOException, Malformed {
        int length = length();
        long elements;
        if (type.getWireType() == WireFormat.WIRETYPE_VARINT) {
            int old = in.pushLimit(length);
            elements = 0;
            while (in.getBytesUntilLimit() > 0) {
                in.readRawVarint64();
                elements++;
            }
            in.popLimit(old);
        } else {
            int size = type.getWireType() == WireFormat.WIRETYPE_FIXED32 ? 4 : 8;
            if (length % size != 0) {
                throw malformed("a packed list of " + length + " bytes is not a whole number of values");
            }
            in.skipRawBytes(length);
            elements = length / size;
        }
        return elements * 3 * elementBytes(type) / 2;
    }

    private static long elementBytes(WireFormat.FieldType type) {
        return switch (type.getJavaType()) {
            case LONG, DOUBLE -> 8;
            default -> 4;
        };
    }

    private void skip(int tag, int wireType) throws IOException, Malformed {
        if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            skipBytes();
        } else {
            in.skipField(tag);
        }
    }

    private int skipBytes() throws IOException, Malformed {
        int length = length();
        in.skipRawBytes(length);
        return length;
    }

    /** A length prefix, checked against the bytes left in the enclosing message. */
    private int length() throws IOException, Malformed {
        int at = in.getTotalBytesRead();
        int length = in.readRawVarint32();
        int left = in.getBytesUntilLimit();
        if (length < 0 || length > left) {
            throw new Malformed("a field at byte " + at + " claims " + Integer.toUnsignedString(length)
                    + " bytes, " + left + " are left (truncated or damaged)");
        }
        return length;
    }

    private Malformed malformed(String problem) {
        return new Malformed(problem + " at byte " + in.getTotalBytesRead());
    }
}
