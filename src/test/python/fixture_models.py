"""The networks of the ONNX import fixtures (see make_onnx_fixtures.py): small, each covering
some of the operators of issue 10 §1.3, as PyTorch 1.13 exports them."""

import torch
import torch.nn as nn
import torch.nn.functional as F


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
        self.bn_untrained = nn.BatchNorm2d(8)  # left at its defaults: see make_onnx_fixtures.calibrate_batchnorm
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
