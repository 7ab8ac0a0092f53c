"""Makes the ONNX reader's fixtures with other tools' writers (run from this folder with Debian's
/usr/bin/python3: python3-onnx 1.12, python3-torch 1.13). The expected values are in
OnnxFixturesTest; they are the ones written here.

helper.onnx         onnx.helper: values in the typed fields (float_data, int64_data, int32_data for
                    FLOAT16, BOOL and INT8, double_data), one in raw_data, an attribute of each kind
external/model.onnx the same model saved with its raw_data tensors in external/model.data
torch_tiny.onnx     torch.onnx.export of a small conv net (opset 13), weights made by a seed
torch_tiny.expected its initializers as onnx's numpy_helper decodes them: per line the name, the
                    dims joined by 'x', the sum of the values and the first three values
"""
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

tensors = [
    helper.make_tensor("w", TensorProto.FLOAT, [2, 3], [1, 2, 3, 4, 5, 6]),
    helper.make_tensor("s", TensorProto.INT64, [2], [1, -1]),
    helper.make_tensor("h", TensorProto.FLOAT16, [3], [1.0, -2.0, 65504.0]),
    helper.make_tensor("b", TensorProto.BOOL, [3], [True, False, True]),
    helper.make_tensor("d", TensorProto.DOUBLE, [2], [0.5, -0.25]),
    helper.make_tensor("i8", TensorProto.INT8, [2], [-128, 127]),
    numpy_helper.from_array(np.arange(6, dtype=np.float32).reshape(2, 3), "r"),
]
nodes = [
    helper.make_node("MatMul", ["x", "w"], ["m"], name="mm"),
    helper.make_node("Add", ["m", "r"], ["a"]),
    helper.make_node("Custom", ["a"], ["y"], domain="ai.onnx", i=3, f=0.5, ints=[1, 2],
                     floats=[0.25], st="SAME",
                     t=helper.make_tensor("tt", TensorProto.FLOAT, [1], [9.0])),
]
graph = helper.make_graph(nodes, "helper_graph",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 2])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3])],
                          tensors)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                          producer_name="onnx-helper")
helper.set_model_props(model, {"labels": "a,b"})
onnx.save(model, "helper.onnx")

os.makedirs("external", exist_ok=True)
onnx.save_model(model, "external/model.onnx", save_as_external_data=True,
                 all_tensors_to_one_file=True, location="model.data", size_threshold=0)


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 2, 3, padding=1)
        self.bn = torch.nn.BatchNorm2d(2)
        self.fc = torch.nn.Linear(2 * 4 * 4, 3)

    def forward(self, x):
        x = torch.nn.functional.relu6(self.bn(self.conv(x)))
        return self.fc(torch.flatten(torch.nn.functional.max_pool2d(x, 2), 1))


torch.manual_seed(1)
net = Tiny().eval()
torch.onnx.export(net, torch.zeros(1, 1, 8, 8), "torch_tiny.onnx", opset_version=13,
                  input_names=["image"], output_names=["logits"],
                  dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}})
with open("torch_tiny.expected", "w") as expected:
    for tensor in onnx.load("torch_tiny.onnx").graph.initializer:
        values = numpy_helper.to_array(tensor).astype(np.float64)
        first = " ".join(repr(float(v)) for v in values.flatten()[:3])
        dims = "x".join(str(d) for d in tensor.dims)
        expected.write(f"{tensor.name} {dims} {values.sum()!r} {first}\n")
