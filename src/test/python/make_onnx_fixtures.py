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

The networks are in fixture_models.py, the onnx-simplifier steps of zoo-simplified in
onnx_simplify.py, LeNet-5 comes from src/bench/python/pytorch_lenet.py.
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
from onnx import helper, numpy_helper

from fixture_models import FireNet, MobileNet, ResBlockNet, Zoo
from onnx_simplify import simplify

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
    no_hardswish = "; opset {} has no HardSwish: each exports as HardSigmoid(alpha 1/6, beta 0.5) and Mul"
    for opset, name, note in ((14, "mobile", ""),
                              (12, "mobile-opset12", no_hardswish.format(12)),
                              (13, "mobile-opset13", no_hardswish.format(13)),
                              (15, "mobile-opset15", ""),
                              (16, "mobile-opset16", "")):
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
    for opset in (11, 12, 14, 15, 16, 17):   # every opset PyTorch 1.13 writes from 11 on
        emit(f"zoo-opset{opset}", export(net, x, opset), x, y, about + f"; as exported at opset {opset}", preserve)
    emit("zoo-simplified", simplify(export(net, x, 13)), x, y,
         about + "; shape subgraphs folded into initializers, the zero Pads fused into the Conv after it (asymmetric pads) and into the AveragePool after it (count_include_pad=1), as onnx-simplifier does",
         dict(preserve, simplified="onnx_simplify.simplify: constant folding, Pad fusion"))

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
