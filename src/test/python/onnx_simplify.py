"""What onnx-simplifier does to a PyTorch 1.13 export, in the two steps the zoo-simplified
fixture needs (onnx-simplifier itself is not packaged for Debian): fold the int64 shape
subgraphs into initializers, and fuse Pads of zeros into the Conv or AveragePool after them."""

import collections

import numpy as np
import onnx
from onnx import helper, numpy_helper

FOLDABLE = {"Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "ConstantOfShape", "Reshape", "Slice",
            "Transpose", "Cast"}


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _evaluate(node, inputs, opset):
    """The value of a shape-computation node whose inputs are all known (numpy)."""
    a = _attrs(node)
    op = node.op_type
    if op == "Gather":
        return np.take(inputs[0], inputs[1], axis=a.get("axis", 0))
    if op in ("Unsqueeze", "Squeeze"):
        axes = a["axes"] if opset < 13 else inputs[1].tolist()
        x = inputs[0]
        if op == "Squeeze":
            return np.squeeze(x, axis=tuple(axes))
        rank = x.ndim + len(axes)
        for axis in sorted(ax % rank for ax in axes):
            x = np.expand_dims(x, axis)
        return x
    if op == "Concat":
        return np.concatenate(inputs, axis=a["axis"])
    if op == "ConstantOfShape":
        value = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
        return np.full(inputs[0].tolist(), value.flatten()[0], dtype=value.dtype)
    if op == "Reshape":
        shape = [d if d != 0 else inputs[0].shape[i] for i, d in enumerate(inputs[1].tolist())]
        return inputs[0].reshape(shape)
    if op == "Slice":
        data, starts, ends = inputs[0], inputs[1], inputs[2]
        axes = inputs[3] if len(inputs) > 3 and inputs[3] is not None else range(len(starts))
        steps = inputs[4] if len(inputs) > 4 and inputs[4] is not None else [1] * len(starts)
        index = [slice(None)] * data.ndim
        for s, e, ax, st in zip(starts, ends, axes, steps):
            index[int(ax)] = slice(int(s), int(e), int(st))
        return data[tuple(index)]
    if op == "Transpose":
        return np.transpose(inputs[0], a.get("perm"))
    if op == "Cast":
        return inputs[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])
    raise ValueError(op)


def simplify(model):
    """What onnx-simplifier does to such a graph, in the two steps these fixtures need:
    1. fold every shape computation whose inputs are constants, or static shapes at the fixture's
       input size (Shape, Gather, Unsqueeze, Concat, ConstantOfShape, Reshape, Slice, Transpose,
       Cast), into initializers, repeating shape inference until nothing more folds;
    2. fuse a Pad of zeros on the spatial axes into the Conv after it (asymmetric Conv pads) or
       into the AveragePool after it (its pads, count_include_pad=1), and drop Pads that pad
       nothing.
    The outputs stay exactly the same."""
    while _fold_once(model):
        pass
    g = model.graph
    known = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    for node in g.node:
        if node.op_type == "Constant":
            known[node.output[0]] = numpy_helper.to_array(_attrs(node)["value"])
    _replace_nodes(model, _fuse_pads(list(g.node), known), {})
    return model


def _fold_once(model):
    """Folds what can be folded with the shapes inferred now; returns whether anything was."""
    opset = next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
    inferred = onnx.shape_inference.infer_shapes(model)
    static = {}
    for v in list(inferred.graph.value_info) + list(inferred.graph.input):
        dims = v.type.tensor_type.shape.dim
        if v.type.tensor_type.HasField("shape") and all(d.HasField("dim_value") for d in dims):
            static[v.name] = [d.dim_value for d in dims]
    g = model.graph
    known = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    folded = {}
    kept = []
    for node in g.node:
        if node.op_type == "Constant":
            known[node.output[0]] = numpy_helper.to_array(_attrs(node)["value"])
            kept.append(node)
            continue
        if node.op_type == "Shape" and node.input[0] in static:
            value = np.array(static[node.input[0]], dtype=np.int64)
        elif node.op_type in FOLDABLE and all(i in known for i in node.input if i):
            value = _evaluate(node, [known[i] if i else None for i in node.input], opset)
        else:
            kept.append(node)
            continue
        known[node.output[0]] = folded[node.output[0]] = np.asarray(value)
    _replace_nodes(model, kept, folded)
    return bool(folded)


def _replace_nodes(model, nodes, folded):
    """Makes `nodes` the graph's nodes, adds the folded values they use as initializers, and
    drops Constant nodes and initializers nothing uses any more."""
    g = model.graph
    used = {i for n in nodes for i in n.input} | {o.name for o in g.output}
    nodes = [n for n in nodes if n.op_type != "Constant" or n.output[0] in used]
    initializers = [t for t in g.initializer if t.name in used]
    initializers += [numpy_helper.from_array(v, name) for name, v in folded.items() if name in used]
    del g.node[:]
    g.node.extend(nodes)
    del g.initializer[:]
    g.initializer.extend(initializers)
    del g.value_info[:]


def _fuse_pads(nodes, known):
    consumers = collections.defaultdict(list)
    for n in nodes:
        for i in n.input:
            consumers[i].append(n)
    result = []
    renamed = {}
    for n in nodes:
        for k, name in enumerate(n.input):
            if name in renamed:
                n.input[k] = renamed[name]
        if n.op_type != "Pad" or _attrs(n).get("mode", b"constant") != b"constant":
            result.append(n)
            continue
        pads = known[n.input[1]].tolist()
        value = known[n.input[2]].item() if len(n.input) > 2 and n.input[2] else 0.0
        users = consumers[n.output[0]]
        rank = len(pads) // 2
        spatial = pads[2:rank] + pads[rank + 2:]  # [top, left, bottom, right]
        if any(pads[:2] + pads[rank:rank + 2]) or value != 0.0 or len(users) != 1:
            result.append(n)
            continue
        user = users[0]
        a = _attrs(user)
        if not any(spatial):
            renamed[n.output[0]] = n.input[0]
            continue
        if user.op_type == "Conv" or (user.op_type == "AveragePool" and not a.get("ceil_mode", 0)
                                      and not any(a.get("pads", [0] * 4))):
            old = a.get("pads", [0] * 4)
            new = [p + q for p, q in zip(old, spatial)]
            _set_attr(user, "pads", new)
            if user.op_type == "AveragePool":
                _set_attr(user, "count_include_pad", 1)
            renamed[n.output[0]] = n.input[0]
            continue
        result.append(n)
    for n in result:
        for k, name in enumerate(n.input):
            if name in renamed:
                n.input[k] = renamed[name]
    return result


def _set_attr(node, name, value):
    for k, a in enumerate(node.attribute):
        if a.name == name:
            del node.attribute[k]
            break
    node.attribute.append(helper.make_attribute(name, value))
