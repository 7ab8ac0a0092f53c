#!/usr/bin/python3
"""Makes the ONNX import fixtures in src/test/resources/onnx/ from PyTorch.

Run from the repository root with Debian's Python, which has Debian's python3-torch (1.13),
python3-torchvision (0.14) and python3-onnx (1.12):

    /usr/bin/python3 src/test/python/make_onnx_fixtures.py [--out src/test/resources/onnx] [NAME ...]

The test suite does not need Python: the outputs are committed. Run this again only to change a
fixture; with the same PyTorch it rewrites the same bytes.

Each fixture folder holds
    model.onnx     the network as torch.onnx.export writes it (opset, export options: fixture.json)
    input.npy      a fixed, seeded float32 input (batch 1 unless fixture.json says otherwise)
    output.npy     PyTorch's own output for that input: model in eval mode, under torch.no_grad()
    fixture.json   opset, input and output names and shapes, operator counts, storage, labels
and what the variant needs (weights.bin, labels.txt). src/test/resources/onnx/README.md
describes every fixture.

BatchNorm is exported with training=TrainingMode.PRESERVE on a model in eval mode, which keeps
each BatchNorm2d as a BatchNormalization node (the default, TrainingMode.EVAL, folds it into the
convolution before it; `resblock-fused` shows that). Every BatchNorm gets running statistics
measured on a calibration batch and then moved at random, and a random weight and bias, so a
wrong BatchNormalization changes the output.
"""

import argparse
import collections
import io
import json
import os
import re
import shutil
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import helper, numpy_helper

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench", "python"))
from pytorch_lenet import LeNet5  # noqa: E402  the LeNet-5 the engine's benchmark measures

PRESERVE = torch.onnx.TrainingMode.PRESERVE

# Issue 10 §1.3: the operators ConvScope's importer supports.
SUPPORTED = {
    "Conv", "Relu", "LeakyRelu", "Clip", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "MaxPool",
    "AveragePool", "GlobalAveragePool", "LpPool", "BatchNormalization", "Dropout", "Identity",
    "Constant", "Pad", "Add", "Sub", "Mul", "Div", "Concat", "Flatten", "Reshape", "Gemm", "MatMul",
    "Softmax", "LogSoftmax",
}

LABELS = ["cat", "dog", "horse", "sea lion", "okapi", "emu", "axolotl", "quokka", "narwhal", "ñandú"]


# ---------------------------------------------------------------------------------------- models

class BasicBlock(nn.Module):
    """ResNet's basic block: conv3×3-BN-ReLU-conv3×3-BN, plus the input (identity) or a 1×1
    strided conv+BN of it (downsampling shortcut), then ReLU."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + (x if self.shortcut is None else self.shortcut(x)))


class ResBlockNet(nn.Module):
    """stem conv3×3(3→16)+BN+ReLU, basic block 16→16, downsampling block 16→32 stride 2,
    AdaptiveAvgPool2d(1), flatten, Linear(32→10)."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.block1 = BasicBlock(16, 16, 1)
        self.block2 = BasicBlock(16, 32, 2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = self.block2(self.block1(self.stem(x)))
        return self.fc(torch.flatten(self.pool(x), 1))


def conv_bn(cin, cout, kernel, stride=1, groups=1, act=None):
    layers = [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if act is not None:
        layers.append(act)
    return nn.Sequential(*layers)


class InvertedResidual(nn.Module):
    """MobileNetV2's block: 1×1 expand+BN+ReLU6, depthwise 3×3 (groups = channels)+BN+ReLU6,
    1×1 project+BN, plus the input when stride 1 and the channels match."""

    def __init__(self, cin, cout, stride, expand):
        super().__init__()
        hidden = cin * expand
        self.residual = stride == 1 and cin == cout
        self.body = nn.Sequential(
            conv_bn(cin, hidden, 1, act=nn.ReLU6()),
            conv_bn(hidden, hidden, 3, stride, groups=hidden, act=nn.ReLU6()),
            conv_bn(hidden, cout, 1),
        )

    def forward(self, x):
        y = self.body(x)
        return x + y if self.residual else y


class SqueezeExcite(nn.Module):
    """GAP → 1×1 conv → ReLU → 1×1 conv → Hardsigmoid, times the input: a Mul of [N,C,1,1]
    with [N,C,H,W]."""

    def __init__(self, channels, reduced):
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc1 = nn.Conv2d(channels, reduced, 1)
        self.fc2 = nn.Conv2d(reduced, channels, 1)
        self.gate = nn.Hardsigmoid()

    def forward(self, x):
        return x * self.gate(self.fc2(F.relu(self.fc1(self.pool(x)))))


class MobileNet(nn.Module):
    """stem conv3×3+BN+Hardswish, inverted residual 16→16 (with its Add), inverted residual
    16→24 stride 2 (depthwise stride 2), grouped conv3×3 24→24 groups 4 + BN + Hardswish,
    squeeze-excitation, 1×1 conv 24→32 + BN + Hardswish, GAP, flatten, Linear(32→10)."""

    def __init__(self):
        super().__init__()
        self.stem = conv_bn(3, 16, 3, act=nn.Hardswish())
        self.ir1 = InvertedResidual(16, 16, 1, 2)
        self.ir2 = InvertedResidual(16, 24, 2, 2)
        self.grouped = conv_bn(24, 24, 3, groups=4, act=nn.Hardswish())
        self.se = SqueezeExcite(24, 6)
        self.head = conv_bn(24, 32, 1, act=nn.Hardswish())
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = self.se(self.grouped(self.ir2(self.ir1(self.stem(x)))))
        return self.fc(torch.flatten(self.pool(self.head(x)), 1))


class OnnxDropout(torch.autograd.Function):
    """Dropout as a node of its own. PyTorch 1.13 drops an eval-mode nn.Dropout from the export
    altogether; older exporters and other tools write this node (opset 10-11: `ratio` attribute),
    which an importer must read as the identity. Forward: the identity, as in eval mode."""

    @staticmethod
    def forward(ctx, x, ratio):
        return x.clone()

    @staticmethod
    def symbolic(g, x, ratio):
        return g.op("Dropout", x, ratio_f=ratio)


class Fire(nn.Module):
    """SqueezeNet's fire module: squeeze 1×1 + ReLU, then expand 1×1 + ReLU and expand 3×3 + ReLU
    side by side, concatenated on the channels."""

    def __init__(self, cin, squeeze, e1, e3):
        super().__init__()
        self.squeeze = nn.Conv2d(cin, squeeze, 1)
        self.expand1 = nn.Conv2d(squeeze, e1, 1)
        self.expand3 = nn.Conv2d(squeeze, e3, 3, padding=1)

    def forward(self, x):
        s = F.relu(self.squeeze(x))
        return torch.cat([F.relu(self.expand1(s)), F.relu(self.expand3(s))], 1)


class FireNet(nn.Module):
    """conv3×3(3→16)+ReLU, MaxPool 3×3 stride 2 ceil_mode, two fire modules (16 channels),
    MaxPool 3×3 stride 2 ceil_mode, fire module (32 channels), Dropout(0.5), conv1×1(32→10)+ReLU,
    GlobalAveragePool, flatten, LogSoftmax."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.pool1 = nn.MaxPool2d(3, 2, ceil_mode=True)
        self.fire1 = Fire(16, 4, 8, 8)
        self.fire2 = Fire(16, 4, 8, 8)
        self.pool2 = nn.MaxPool2d(3, 2, ceil_mode=True)
        self.fire3 = Fire(16, 8, 16, 16)
        self.classifier = nn.Conv2d(32, 10, 1)
        self.pool = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))
        x = self.pool2(self.fire2(self.fire1(x)))
        x = OnnxDropout.apply(self.fire3(x), 0.5)
        x = torch.flatten(self.pool(F.relu(self.classifier(x))), 1)
        return F.log_softmax(x, 1)


class OnnxLpPool(torch.autograd.Function):
    """LPPool2d (p = 2) as one LpPool node. nn.LPPool2d itself exports as Pow, Pad, AveragePool,
    Sign, Abs, Relu, Mul, Pow; this writes the single node the ONNX operator stands for.
    Forward: PyTorch's own F.lp_pool2d, sqrt(Σ x²) over each window."""

    @staticmethod
    def forward(ctx, x, kernel, stride):
        return F.lp_pool2d(x, 2, kernel, stride)

    @staticmethod
    def symbolic(g, x, kernel, stride):
        return g.op("LpPool", x, kernel_shape_i=[kernel, kernel], strides_i=[stride, stride], p_i=2)


class Zoo(nn.Module):
    """One of every remaining operator, in one chain; see the fixture README for what each line
    exports as."""

    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))
        self.conv_a = nn.Conv2d(3, 8, 3)
        self.conv_dilated = nn.Conv2d(8, 8, 3, padding=2, dilation=2)
        self.bn_untrained = nn.BatchNorm2d(8)  # left at its defaults: see calibrate_batchnorm
        self.conv_wide = nn.Conv2d(8, 16, (3, 5), stride=(2, 1), padding=(1, 2))
        self.pool_incl = nn.AvgPool2d(3, 2, padding=1, count_include_pad=True)
        self.pool_excl = nn.AvgPool2d(3, 1, padding=1, count_include_pad=False)
        self.pool_ceil = nn.AvgPool2d(2, 2, ceil_mode=True)
        self.fc = nn.Linear(16 * 2 * 6, 32)
        self.w = nn.Parameter(torch.randn(32, 16) * 0.2)
        self.b = nn.Parameter(torch.randn(16) * 0.1)
        self.w2 = nn.Parameter(torch.randn(16, 10) * 0.3)
        self.b2 = nn.Parameter(torch.randn(10) * 0.1)

    def forward(self, x):                                    # [1, 3, 32, 32]
        x = (x - self.mean) / self.std                       # Sub, Div with [1,3,1,1] constants
        x = x * 1.5 + 0.25                                   # Mul, Add with scalars
        x = F.pad(x, (0, 1, 1, 2))                           # zeros; left 0, right 1, top 1, bottom 2 → [1,3,35,33]
        x = F.leaky_relu(self.conv_a(x), 0.1)                # [1,8,33,31]
        x = self.bn_untrained(self.conv_dilated(x))          # dilation 2; [1,8,33,31]
        x = torch.tanh(0.25 * x)                             # scaled so that Tanh does not saturate
        x = F.pad(x, (1, 1, 2, 0), value=0.5)                # [1,8,35,33]
        x = torch.sigmoid(self.conv_wide(x)) - 0.5           # 3×5, stride (2,1), pads (1,2): [1,16,18,33]
        x = self.pool_incl(x)                                # [1,16,9,17]
        x = self.pool_excl(x)                                # [1,16,9,17]
        x = self.pool_ceil(x)                                # [1,16,5,9]
        x = OnnxLpPool.apply(x, 2, 1)                        # [1,16,4,8]
        x = F.max_pool2d(x, 2, stride=1, dilation=2)         # [1,16,2,6]
        x = torch.clamp(x, 0.08, 0.28)                       # Clip; cuts about a fifth at each end
        x = x.view(x.size(0), -1)                            # [1,192]
        x = F.relu(self.fc(x))                               # Gemm
        x = x @ self.w + self.b                              # MatMul, Add
        x = torch.addmm(self.b2, x, self.w2, beta=0.5, alpha=2.0)  # Gemm alpha 2, beta 0.5
        return torch.softmax(x, 1)


# ------------------------------------------------------------------------------------- building

def init_weights(model):
    """He-normal convolutions, so that the signal keeps its size through the layers; with
    PyTorch's default initialisation it fades, the biases dominate the output and the output
    hardly depends on the input or on any one layer."""
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")


def calibrate_batchnorm(model, calibration, generator, weights=(0.5, 1.5)):
    """BatchNorm parameters and statistics as a trained network has them: a random weight (in
    the range `weights`) and bias (±0.5), then the running mean and variance of each BatchNorm2d
    measured on a calibration batch and moved at random (mean ± 0.2 standard deviations,
    variance × 0.7-1.4), so that every BatchNormalization node changes the output. Zoo's
    bn_untrained stays at its defaults (mean 0, variance 1, weight 1, bias 0): PyTorch 1.13's
    exporter then shares the equal initializers and feeds running_mean and running_var to the
    node through Identity nodes, as it does for any freshly built model."""
    norms = [m for name, m in model.named_modules()
             if isinstance(m, nn.BatchNorm2d) and name != "bn_untrained"]
    untrained = [m for name, m in model.named_modules() if name == "bn_untrained"]
    with torch.no_grad():
        for m in norms:
            c = m.num_features
            m.weight.copy_(torch.empty(c).uniform_(*weights, generator=generator))
            m.bias.copy_(torch.empty(c).uniform_(-0.5, 0.5, generator=generator))
            m.reset_running_stats()
            m.momentum = None  # a cumulative average: after one batch, that batch's statistics
        model.train()
        for m in untrained:
            m.eval()  # keeps its default statistics through the calibration batch
        model(calibration)
        for m in norms:
            c = m.num_features
            std = m.running_var.sqrt()
            m.running_mean.add_(0.2 * std * (2 * torch.rand(c, generator=generator) - 1))
            m.running_var.mul_(torch.empty(c).uniform_(0.7, 1.4, generator=generator))
            m.momentum = 0.1
    model.eval()


def build(model_class, seed, input_shape, kind, bn_weights=(0.5, 1.5)):
    torch.manual_seed(seed)
    model = model_class()
    init_weights(model)
    calibration = make_input((16,) + tuple(input_shape[1:]), seed + 1000, kind)
    calibrate_batchnorm(model, calibration, torch.Generator().manual_seed(seed + 2000), bn_weights)
    return model.eval()


def make_input(shape, seed, kind):
    g = torch.Generator().manual_seed(seed)
    if kind == "normal":
        return torch.randn(*shape, generator=g)
    return torch.rand(*shape, generator=g)  # "unit": pixel-like values in [0, 1)


def export(model, x, opset, preserve=True, dynamic_axes=None):
    """torch.onnx.export to bytes, with the options every fixture shares."""
    buffer = io.BytesIO()
    kwargs = dict(opset_version=opset, input_names=["input"], output_names=["output"],
                  do_constant_folding=True, dynamic_axes=dynamic_axes)
    if preserve:
        kwargs["training"] = PRESERVE
    torch.onnx.export(model, x, buffer, **kwargs)
    return onnx.load_from_string(buffer.getvalue())


# --------------------------------------------------------------------------- storage variations

def to_typed_fields(model):
    """Every tensor (initializers and Constant nodes' values) moved from raw_data to the typed
    field of its type: float_data for float32, int64_data for int64."""
    def typed(t):
        array = numpy_helper.to_array(t)
        new = helper.make_tensor(t.name, t.data_type, list(t.dims), array.flatten().tolist(), raw=False)
        t.CopyFrom(new)

    for t in model.graph.initializer:
        typed(t)
    for node in model.graph.node:
        for a in node.attribute:
            if a.type == onnx.AttributeProto.TENSOR:
                typed(a.t)
    return model


# ------------------------------------------------------------------------------ simplification

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


# ------------------------------------------------------------------------------------- writing

def operator_counts(model):
    return dict(sorted(collections.Counter(n.op_type for n in model.graph.node).items()))


def graph_shape(value_info):
    return [d.dim_value if d.HasField("dim_value") else d.dim_param for d in value_info.type.tensor_type.shape.dim]


def compact_json(value):
    """Indented JSON with each list of numbers or strings on one line."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text)


def write_fixture(root, name, model, x, y, description, export_options, storage="raw_data", labels=None):
    folder = os.path.join(root, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    model.producer_version = torch.__version__.split("a")[0]
    onnx.checker.check_model(model, full_check=True)
    path = os.path.join(folder, "model.onnx")
    files = ["model.onnx", "input.npy", "output.npy", "fixture.json"]
    if storage == "external_data":
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location="weights.bin", size_threshold=0)
        onnx.checker.check_model(path)
        files.append("weights.bin")
    else:
        onnx.save_model(model, path)
    if labels == "labels.txt":
        with open(os.path.join(folder, "labels.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(LABELS) + "\n")
        files.append("labels.txt")
    np.save(os.path.join(folder, "input.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(folder, "output.npy"), y.numpy().astype(np.float32))

    ops = operator_counts(model)
    opset = next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
    info = {
        "name": name,
        "description": description,
        "opset": opset,
        "producer": f"{model.producer_name} {model.producer_version}",
        "export": export_options,
        "input": {"name": model.graph.input[0].name, "shape": list(x.shape), "graph_shape": graph_shape(model.graph.input[0]),
                  "file": "input.npy"},
        "output": {"name": model.graph.output[0].name, "shape": list(y.shape),
                   "graph_shape": graph_shape(model.graph.output[0]), "file": "output.npy"},
        "operators": ops,
        "nodes": sum(ops.values()),
        "outside_section_1_3": sorted(op for op in ops if op not in SUPPORTED),
        "initializers": len(model.graph.initializer),
        "parameters": int(sum(np.prod(t.dims, dtype=np.int64) for t in model.graph.initializer
                              if t.data_type == onnx.TensorProto.FLOAT)),
        "storage": storage,
        "labels": LABELS if labels else None,
        "labels_source": labels,
        "files": sorted(files),
    }
    with open(os.path.join(folder, "fixture.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(compact_json(info) + "\n")
    print(f"{name:22} opset {opset:2}  {sum(ops.values()):3} nodes  in {list(x.shape)} out {list(y.shape)}  "
          + " ".join(f"{k}:{v}" for k, v in ops.items()))


# ------------------------------------------------------------------------------------- fixtures

def run(model, x):
    with torch.no_grad():
        return model(x)


def check_batchnorm_kept(name, model, torch_model):
    expected = sum(isinstance(m, nn.BatchNorm2d) for m in torch_model.modules())
    found = sum(n.op_type == "BatchNormalization" for n in model.graph.node)
    if found != expected:
        sys.exit(f"{name}: {found} BatchNormalization nodes, the model has {expected} BatchNorm2d")


def fixtures(root, only):
    made = []

    def wanted(name):
        return not only or name in only

    def emit(name, *args, **kwargs):
        if wanted(name):
            write_fixture(root, name, *args, **kwargs)
            made.append(name)

    # 1. resblock, its opsets, dynamic batch, fused BatchNorm, and the storage variants
    net = build(ResBlockNet, 10, (1, 3, 32, 32), "normal")
    x = make_input((1, 3, 32, 32), 11, "normal")
    y = run(net, x)
    about = "stem conv3x3+BN+ReLU, basic residual block (identity Add), downsampling block (stride-2 conv, 1x1 stride-2 conv+BN shortcut), GlobalAveragePool, Flatten, Gemm"
    preserve = {"training": "PRESERVE", "do_constant_folding": True}
    for opset, name in ((13, "resblock"), (11, "resblock-opset11"), (17, "resblock-opset17")):
        m = export(net, x, opset)
        check_batchnorm_kept(name, m, net)
        emit(name, m, x, y, about, preserve)
    xb = make_input((3, 3, 32, 32), 12, "normal")
    m = export(net, xb, 13, dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})
    check_batchnorm_kept("resblock-dynamic", m, net)
    emit("resblock-dynamic", m, xb, run(net, xb), about + "; batch axis dynamic (N), input batch 3",
         dict(preserve, dynamic_axes={"input": {"0": "N"}, "output": {"0": "N"}}))
    m = export(net, x, 13, preserve=False)
    emit("resblock-fused", m, x, y, about + "; exported with the default training=EVAL, which folds every BatchNorm into the conv before it",
         {"training": "EVAL (default)", "do_constant_folding": True})
    base = export(net, x, 13)
    emit("external-data", base, x, y, "resblock (opset 13) with every tensor in weights.bin beside the model",
         dict(preserve, save="onnx.save_model(save_as_external_data=True, all_tensors_to_one_file=True, location='weights.bin', size_threshold=0)"),
         storage="external_data")
    emit("typed-fields", to_typed_fields(export(net, x, 13)), x, y,
         "resblock (opset 13) with every tensor in float_data / int64_data instead of raw_data",
         dict(preserve, rewritten="initializers and Constant values to typed fields"), storage="typed_fields")
    m = export(net, x, 13)
    helper.set_model_props(m, {"labels": "\n".join(LABELS)})
    emit("labels-metadata", m, x, y, "resblock (opset 13) with class names in metadata_props key 'labels', one per line",
         preserve, labels="metadata_props")
    emit("labels-file", export(net, x, 13), x, y, "resblock (opset 13) with class names in labels.txt beside the model",
         preserve, labels="labels.txt")

    # 2. mobile
    net = build(MobileNet, 20, (1, 3, 32, 32), "normal", bn_weights=(1.5, 4.0))  # ReLU6, Hardswish saturate
    x = make_input((1, 3, 32, 32), 21, "normal")
    y = run(net, x)
    about = "MobileNetV2 inverted residuals (1x1 expand, depthwise 3x3, 1x1 project, Add; a stride-2 one), ReLU6 as Clip, Hardswish, grouped conv (groups 4), squeeze-excitation (GAP, 1x1 convs, Hardsigmoid, broadcast Mul)"
    for opset, name, note in ((14, "mobile", ""),
                              (13, "mobile-opset13", "; opset 13 has no HardSwish: each exports as HardSigmoid(alpha 1/6, beta 0.5) and Mul")):
        m = export(net, x, opset)
        check_batchnorm_kept(name, m, net)
        emit(name, m, x, y, about + note, preserve)

    # 3. fire
    net = build(FireNet, 30, (1, 3, 32, 32), "normal")
    x = make_input((1, 3, 32, 32), 31, "normal")
    emit("fire", export(net, x, 11), x, run(net, x),
         "SqueezeNet fire modules (Concat), MaxPool 3x3/2 ceil_mode, Dropout (ratio attribute), conv1x1+ReLU, GlobalAveragePool, Flatten, LogSoftmax",
         preserve)

    # 4. zoo, as exported and simplified
    net = build(Zoo, 40, (1, 3, 32, 32), "unit")
    x = make_input((1, 3, 32, 32), 41, "unit")
    y = run(net, x)
    about = "input normalisation (Sub, Div, scalar Mul, Add), Pad, dilated conv, 3x5 conv stride (2,1), LeakyRelu, untrained BatchNorm fed through Identity, Tanh, Sigmoid, AveragePool (count_include_pad both ways, ceil_mode), LpPool, dilated MaxPool, Clip, Reshape, Gemm (plain and alpha/beta), MatMul+Add, Softmax"
    emit("zoo", export(net, x, 13), x, y, about + "; as torch.onnx.export writes it: each Pad takes its pads from a small int64 subgraph", preserve)
    emit("zoo-simplified", simplify(export(net, x, 13)), x, y,
         about + "; shape subgraphs folded into initializers, the zero Pads fused into the Conv after it (asymmetric pads) and into the AveragePool after it (count_include_pad=1), as onnx-simplifier does",
         dict(preserve, simplified="make_onnx_fixtures.simplify: constant folding, Pad fusion"))

    # 5. lenet
    net = build(LeNet5, 50, (1, 1, 28, 28), "unit")
    x = make_input((1, 1, 28, 28), 51, "unit")
    emit("lenet", export(net, x, 13), x, run(net, x), "LeNet-5: a plain sequence of Conv, Relu, MaxPool, Flatten, Gemm",
         preserve)
    return made


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join("src", "test", "resources", "onnx"))
    ap.add_argument("names", nargs="*", help="only these fixtures (default: all)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(1)  # the same summation order on every machine this runs on
    made = fixtures(args.out, set(args.names))
    missing = set(args.names) - set(made)
    if missing:
        sys.exit("unknown fixture(s): " + ", ".join(sorted(missing)))


if __name__ == "__main__":
    main()
