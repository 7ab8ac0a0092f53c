package org.convscope.onnx.importer;

import java.util.Arrays;
import java.util.List;
import org.convscope.engine.spec.Arithmetic;
import org.convscope.onnx.OnnxException;
import org.convscope.onnx.OnnxNode;

/**
 * Computations on constants that exporters leave in a graph: the shape arithmetic of x.view(x.size(0), −1)
 * (Shape → Gather → Unsqueeze → Concat → Reshape), constant expressions, and the weight layout of Gemm and MatMul.
 * Constants here are small (shapes, axes) unless they are weights, which are only transposed.
 */
final class Folding {
    /** The most elements a folded constant may have: shapes and scalars, not tensors computed element by element. */
    private static final long MAX_FOLDED = 1 << 24;

    private Folding() {}

    private static OnnxException error(OnnxNode node, String message) {
        return new OnnxException(node.describe() + ": " + message);
    }

    private static long size(OnnxNode node, long[] dims) throws OnnxException {
        long n = 1;
        for (long d : dims) {
            if (d < 0) throw error(node, "a negative dimension in " + Arrays.toString(dims));
            n = Math.multiplyHigh(n, d) != 0 || n * d < 0 ? Long.MAX_VALUE : n * d;
        }
        if (n > MAX_FOLDED) throw error(node, "a constant of " + Arrays.toString(dims) + " is too large to compute");
        return n;
    }

    /** W[units][in] from B = [in][units] (or [units][in] with transB), times alpha. */
    static float[] denseWeights(float[] b, int in, int units, boolean transB, float alpha) {
        float[] w = new float[in * units];
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < in; i++) w[u * in + i] = alpha * (transB ? b[u * in + i] : b[i * units + u]);
        }
        return w;
    }

    /** a ∘ b with NumPy broadcasting; integers stay integers for + − × (and ÷ rounds toward zero, as ONNX's). */
    static Tensor arithmetic(OnnxNode node, Arithmetic op, Tensor a, Tensor b) throws OnnxException {
        int rank = Math.max(a.rank(), b.rank());
        long[] da = align(a.dims(), rank);
        long[] db = align(b.dims(), rank);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            if (da[i] == db[i] || db[i] == 1) out[i] = da[i];
            else if (da[i] == 1) out[i] = db[i];
            else throw error(node, "cannot broadcast " + Arrays.toString(a.dims()) + " with " + Arrays.toString(b.dims()));
        }
        int n = (int) size(node, out);
        boolean integer = a.isInteger() && b.isInteger();
        float[] f = integer ? null : new float[n];
        long[] l = integer ? new long[n] : null;
        long[] index = new long[rank];
        for (int i = 0; i < n; i++) {
            int ia = offset(index, da);
            int ib = offset(index, db);
            if (integer) {
                long x = a.longs()[ia];
                long y = b.longs()[ib];
                l[i] = switch (op) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> {
                        if (y == 0) throw error(node, "divides an integer by zero");
                        yield x / y;
                    }
                };
            } else {
                f[i] = op.apply(a.asFloats()[ia], b.asFloats()[ib]);
            }
            next(index, out);
        }
        return integer ? Tensor.ofLongs(out, l) : Tensor.ofFloats(out, f);
    }

    private static long[] align(long[] dims, int rank) {
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        System.arraycopy(dims, 0, out, rank - dims.length, dims.length);
        return out;
    }

    /** Row-major offset of index in a tensor of dims, where a dimension of 1 is repeated. */
    private static int offset(long[] index, long[] dims) {
        long o = 0;
        for (int i = 0; i < dims.length; i++) o = o * dims[i] + (dims[i] == 1 ? 0 : index[i]);
        return (int) o;
    }

    private static void next(long[] index, long[] dims) {
        for (int i = dims.length - 1; i >= 0; i--) {
            if (++index[i] < dims[i]) return;
            index[i] = 0;
        }
    }

    static Tensor concat(OnnxNode node, List<Tensor> ts, long axisAttr) throws OnnxException {
        int rank = ts.get(0).rank();
        int axis = (int) (axisAttr < 0 ? axisAttr + rank : axisAttr);
        if (axis < 0 || axis >= rank) throw error(node, "axis " + axisAttr + " is outside the tensors' " + rank + " dimensions");
        boolean integer = ts.stream().allMatch(Tensor::isInteger);
        long[] out = ts.get(0).dims().clone();
        out[axis] = 0;
        for (Tensor t : ts) {
            if (t.rank() != rank) throw error(node, "concatenates constants of different ranks");
            for (int i = 0; i < rank; i++) {
                if (i != axis && t.dims()[i] != out[i]) throw error(node, "concatenates constants of different shapes");
            }
            out[axis] += t.dims()[axis];
        }
        int n = (int) size(node, out);
        long outer = 1;
        for (int i = 0; i < axis; i++) outer *= out[i];
        float[] f = integer ? null : new float[n];
        long[] l = integer ? new long[n] : null;
        int at = 0;
        for (long o = 0; o < outer; o++) {
            for (Tensor t : ts) {
                int block = (int) (t.size() / outer);
                int from = (int) (o * block);
                if (integer) System.arraycopy(t.longs(), from, l, at, block);
                else System.arraycopy(t.asFloats(), from, f, at, block);
                at += block;
            }
        }
        return integer ? Tensor.ofLongs(out, l) : Tensor.ofFloats(out, f);
    }

    static Tensor flatten(OnnxNode node, Tensor t, long axisAttr) throws OnnxException {
        int axis = (int) (axisAttr < 0 ? axisAttr + t.rank() : axisAttr);
        if (axis < 0 || axis > t.rank()) throw error(node, "axis " + axisAttr + " is outside the tensor");
        long outer = 1;
        for (int i = 0; i < axis; i++) outer *= t.dims()[i];
        return withDims(t, new long[] {outer, t.size() / Math.max(1, outer)});
    }

    private static Tensor withDims(Tensor t, long[] dims) {
        return t.isInteger() ? Tensor.ofLongs(dims, t.longs()) : Tensor.ofFloats(dims, t.floats());
    }

    static Tensor reshape(OnnxNode node, Tensor t, long[] target, boolean allowZero) throws OnnxException {
        return withDims(t, resolveShape(node, t.dims(), target, allowZero));
    }

    /** Reshape's target with 0 (copy the input's dimension) and −1 (whatever is left) resolved. */
    static long[] resolveShape(OnnxNode node, long[] in, long[] target, boolean allowZero) throws OnnxException {
        if (target.length > 8) throw error(node, "a target shape of " + target.length + " dimensions");
        long total = 1;
        for (long d : in) total *= d;
        long[] out = target.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) {
                if (i >= in.length) throw error(node, "copies dimension " + i + " the input does not have");
                out[i] = in[i];
            }
            if (out[i] == -1) {
                if (unknown >= 0) throw error(node, "more than one −1 in the target shape " + Arrays.toString(target));
                unknown = i;
            } else if (out[i] < 0) {
                throw error(node, "a negative size in the target shape " + Arrays.toString(target));
            } else {
                known = Math.multiplyExact(known, out[i]);
            }
        }
        if (unknown >= 0) {
            if (known == 0 || total % known != 0) throw error(node, "cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
            out[unknown] = total / known;
        } else if (known != total) {
            throw error(node, "cannot reshape " + Arrays.toString(in) + " (" + total + " values) to " + Arrays.toString(target));
        }
        return out;
    }

    static Tensor constantOfShape(OnnxNode node, Tensor shape) throws OnnxException {
        long[] dims = shape.asLongs();
        int n = (int) size(node, dims);
        OnnxNode n2 = node;
        Tensor value = n2.attribute("value") != null ? OnnxImport.tensor(n2.tensorAttr("value", null)) : Tensor.ofFloats(new long[] {1}, new float[] {0f});
        if (value.isInteger()) {
            long[] l = new long[n];
            Arrays.fill(l, value.longs()[0]);
            return Tensor.ofLongs(dims, l);
        }
        float[] f = new float[n];
        Arrays.fill(f, value.floats()[0]);
        return Tensor.ofFloats(dims, f);
    }

    /** Gather, Unsqueeze, Squeeze, Slice and Cast on constants. */
    static Tensor shapeOp(OnnxNode node, List<Tensor> in, long opset) throws OnnxException {
        Tensor x = in.get(0);
        if (x == null) throw error(node, "input 1 is missing");
        return switch (node.opType()) {
            case "Cast" -> {
                long to = node.intAttr("to", 1);
                boolean toFloat = to == 1 || to == 10 || to == 11 || to == 16;
                yield toFloat ? Tensor.ofFloats(x.dims(), x.asFloats()) : Tensor.ofLongs(x.dims(), x.asLongs());
            }
            case "Gather" -> gather(node, x, in.size() > 1 ? in.get(1) : null, node.intAttr("axis", 0));
            case "Unsqueeze" -> {
                long[] axes = opset >= 13 ? (in.size() > 1 && in.get(1) != null ? in.get(1).asLongs() : null) : node.intsAttr("axes", null);
                if (axes == null) throw error(node, "axes missing");
                int rank = x.rank() + axes.length;
                boolean[] inserted = new boolean[rank];
                for (long a : axes) {
                    int axis = (int) (a < 0 ? a + rank : a);
                    if (axis < 0 || axis >= rank || inserted[axis]) throw error(node, "axis " + a + " is invalid");
                    inserted[axis] = true;
                }
                long[] dims = new long[rank];
                for (int i = 0, j = 0; i < rank; i++) dims[i] = inserted[i] ? 1 : x.dims()[j++];
                yield withDims(x, dims);
            }
            case "Squeeze" -> {
                long[] axes = opset >= 13 ? (in.size() > 1 && in.get(1) != null ? in.get(1).asLongs() : null) : node.intsAttr("axes", null);
                boolean[] drop = new boolean[x.rank()];
                if (axes == null) {
                    for (int i = 0; i < drop.length; i++) drop[i] = x.dims()[i] == 1;
                } else {
                    for (long a : axes) {
                        int axis = (int) (a < 0 ? a + x.rank() : a);
                        if (axis < 0 || axis >= x.rank() || x.dims()[axis] != 1) throw error(node, "cannot squeeze axis " + a);
                        drop[axis] = true;
                    }
                }
                long[] dims = java.util.stream.IntStream.range(0, x.rank()).filter(i -> !drop[i]).mapToLong(i -> x.dims()[i]).toArray();
                yield withDims(x, dims);
            }
            case "Slice" -> slice(node, in, opset);
            case "Transpose" -> transpose(node, x);
            default -> throw error(node, "is not supported on constants");
        };
    }

    private static Tensor gather(OnnxNode node, Tensor data, Tensor indices, long axisAttr) throws OnnxException {
        if (indices == null) throw error(node, "indices missing");
        int axis = (int) (axisAttr < 0 ? axisAttr + data.rank() : axisAttr);
        if (axis < 0 || axis >= data.rank()) throw error(node, "axis " + axisAttr + " is outside the data");
        long[] idx = indices.asLongs();
        long[] dims = new long[data.rank() - 1 + indices.rank()];
        int d = 0;
        for (int i = 0; i < axis; i++) dims[d++] = data.dims()[i];
        for (long k : indices.dims()) dims[d++] = k;
        for (int i = axis + 1; i < data.rank(); i++) dims[d++] = data.dims()[i];
        long outer = 1;
        for (int i = 0; i < axis; i++) outer *= data.dims()[i];
        long inner = 1;
        for (int i = axis + 1; i < data.rank(); i++) inner *= data.dims()[i];
        long along = data.dims()[axis];
        int n = (int) size(node, dims);
        float[] f = data.isInteger() ? null : new float[n];
        long[] l = data.isInteger() ? new long[n] : null;
        int at = 0;
        for (long o = 0; o < outer; o++) {
            for (long k : idx) {
                long j = k < 0 ? k + along : k;
                if (j < 0 || j >= along) throw error(node, "index " + k + " is outside 0.." + (along - 1));
                int from = (int) ((o * along + j) * inner);
                if (l != null) System.arraycopy(data.longs(), from, l, at, (int) inner);
                else System.arraycopy(data.floats(), from, f, at, (int) inner);
                at += (int) inner;
            }
        }
        return l != null ? Tensor.ofLongs(dims, l) : Tensor.ofFloats(dims, f);
    }

    /** ONNX Slice on a constant of any rank: starts, ends, axes and steps (negative steps walk backwards). */
    private static Tensor slice(OnnxNode node, List<Tensor> in, long opset) throws OnnxException {
        Tensor x = in.get(0);
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (opset < 10) {
            starts = node.intsAttr("starts", null);
            ends = node.intsAttr("ends", null);
            axes = node.intsAttr("axes", null);
        } else {
            starts = in.size() > 1 && in.get(1) != null ? in.get(1).asLongs() : null;
            ends = in.size() > 2 && in.get(2) != null ? in.get(2).asLongs() : null;
            axes = in.size() > 3 && in.get(3) != null ? in.get(3).asLongs() : null;
            steps = in.size() > 4 && in.get(4) != null ? in.get(4).asLongs() : null;
        }
        if (starts == null || ends == null || starts.length != ends.length) throw error(node, "starts and ends are missing");
        int rank = x.rank();
        long[] first = new long[rank];
        long[] step = new long[rank];
        long[] count = x.dims().clone();
        Arrays.fill(step, 1);
        for (int i = 0; i < starts.length; i++) {
            long a = axes == null ? i : axes[i];
            int axis = (int) (a < 0 ? a + rank : a);
            if (axis < 0 || axis >= rank) throw error(node, "axis " + a + " is outside the constant");
            long dim = x.dims()[axis];
            long st = steps == null ? 1 : steps[i];
            if (st == 0) throw error(node, "a step of 0");
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 && ends[i] > Long.MIN_VALUE / 2 ? ends[i] + dim : ends[i];
            if (st > 0) {
                s = Math.clamp(s, 0, dim);
                e = Math.clamp(e, 0, dim);
                count[axis] = Math.max(0, Math.ceilDiv(e - s, st));
            } else {
                s = Math.clamp(s, 0, dim - 1);
                e = Math.clamp(e, -1, dim - 1);
                count[axis] = Math.max(0, Math.ceilDiv(s - e, -st));
            }
            first[axis] = s;
            step[axis] = st;
        }
        int n = (int) size(node, count);
        float[] f = x.isInteger() ? null : new float[n];
        long[] l = x.isInteger() ? new long[n] : null;
        long[] index = new long[rank];
        for (int i = 0; i < n; i++) {
            long o = 0;
            for (int d = 0; d < rank; d++) o = o * x.dims()[d] + first[d] + index[d] * step[d];
            if (l != null) l[i] = x.longs()[(int) o];
            else f[i] = x.floats()[(int) o];
            next(index, count);
        }
        return l != null ? Tensor.ofLongs(count, l) : Tensor.ofFloats(count, f);
    }

    /** ONNX Transpose on a constant: dimension i of the result is dimension perm[i] of the input. */
    static Tensor transpose(OnnxNode node, Tensor x) throws OnnxException {
        int rank = x.rank();
        long[] perm = node.intsAttr("perm", null);
        if (perm == null) {
            perm = new long[rank];
            for (int i = 0; i < rank; i++) perm[i] = rank - 1 - i;
        }
        if (perm.length != rank) throw error(node, "perm has " + perm.length + " entries for " + rank + " dimensions");
        long[] dims = new long[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            if (perm[i] < 0 || perm[i] >= rank || seen[(int) perm[i]]) throw error(node, "perm is not a permutation");
            seen[(int) perm[i]] = true;
            dims[i] = x.dims()[(int) perm[i]];
        }
        long[] strides = new long[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--) {
            strides[d] = s;
            s *= (int) x.dims()[d];
        }
        int n = (int) size(node, dims);
        float[] f = x.isInteger() ? null : new float[n];
        long[] l = x.isInteger() ? new long[n] : null;
        long[] index = new long[rank];
        for (int i = 0; i < n; i++) {
            long o = 0;
            for (int d = 0; d < rank; d++) o += index[d] * strides[(int) perm[d]];
            if (l != null) l[i] = x.longs()[(int) o];
            else f[i] = x.floats()[(int) o];
            next(index, dims);
        }
        return l != null ? Tensor.ofLongs(dims, l) : Tensor.ofFloats(dims, f);
    }
}
