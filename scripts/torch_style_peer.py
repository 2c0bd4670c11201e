#!/usr/bin/env python3
"""PyTorch peer of ganinv's stylegan2 family: the same networks, the same DLSGAN step, timed.

The other side of `ganinv bench train --arch stylegan2` (scripts/bench-vs-pytorch.sh --arch
stylegan2 runs both alternately). Install: apt-get install -y python3-torch, run with Debian's
/usr/bin/python3. Prints the parameter counts of G and D (the two sides must build the same
networks: StyleNetworksTest holds ganinv's numbers for --width 32 --max-width 256) and a last
line 'images/s: N'. --params prints the counts and stops.

Networks (R = 4 * 2^k, widths w(r) = min(max_width, width * R / r), latent d; every weight stored
N(0, 1) and scaled by 1/sqrt(fan_in) at run time, i.e. equalized learning rate):
  G mapping: L x [FC(d -> d), lr multiplier 0.01, lrelu(0.2) * sqrt(2)] on z*s (not normalised)
  G synthesis: const [w(4), 4, 4]; ModConv3x3 at 4x4, toRGB; per r = 8..R: bilinear x2,
     ModConv3x3(w(r/2) -> w(r)), ModConv3x3(w(r) -> w(r)), toRGB; image = up2(image) + toRGB.
     ModConv = StyleGAN2's non-fused path: x * s, one conv2d, * 1/sigma (demodulation), + bias,
     lrelu * sqrt(2); styles s = affine(w) with bias 1. toRGB: 1x1, no demodulation, no activation.
  D: fromRGB 1x1, act; per r = R..8: main = conv3x3, act, conv3x3 (-> w(r/2)), avgpool, act;
     skip = avgpool, conv1x1 (no bias); (main + skip) / sqrt(2); conv3x3 at 4x4, act, flatten,
     FC(16 w(4) -> w(4)), act, FC(-> 1 + d).
Step: as shared/bench/torch_dlsgan_step.py (alternating D then G step, R1 by double backprop
with create_graph, lambda_r1 = 10, Adam(1e-3, (0, 0.99)), EMA latent-scale tracker), with the
same speed options: --channels-last, --frozen-d, --joint-d-pass.
"""
import argparse, math, time
import torch, torch.nn as nn, torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--resolution", type=int, default=32)
p.add_argument("--channels", type=int, default=3)
p.add_argument("--width", type=int, default=16)
p.add_argument("--max-width", type=int, default=128)
p.add_argument("--mapping-layers", type=int, default=2)
p.add_argument("--latent", type=int, default=64)
p.add_argument("--batch", type=int, default=16)
p.add_argument("--steps", type=int, default=30)
p.add_argument("--warmup", type=int, default=5)
p.add_argument("--threads", type=int, default=0)
p.add_argument("--params", action="store_true", help="print the parameter counts and stop")
p.add_argument("--channels-last", action="store_true", help="NHWC weights and activations")
p.add_argument("--frozen-d", action="store_true", help="no weight gradients for D in the G step")
p.add_argument("--joint-d-pass", action="store_true", help="one D pass over [real; fake] in the D step")
a = p.parse_args()
if a.threads: torch.set_num_threads(a.threads)
torch.manual_seed(0)
R, C, d = a.resolution, a.channels, a.latent
def wd(r): return min(a.max_width, a.width * R // r)
SQRT2 = math.sqrt(2)

class EqConv(nn.Module):
    def __init__(s, cin, cout, k, bias=True):
        super().__init__()
        s.weight = nn.Parameter(torch.randn(cout, cin, k, k)); s.gain = 1 / math.sqrt(cin * k * k)
        s.bias = nn.Parameter(torch.zeros(cout)) if bias else None; s.pad = k // 2
    def forward(s, x): return F.conv2d(x, s.weight * s.gain, s.bias, padding=s.pad)

class EqLinear(nn.Module):
    def __init__(s, cin, cout, lr_mul=1.0, bias_init=0.0):
        super().__init__()
        s.weight = nn.Parameter(torch.randn(cout, cin) / lr_mul); s.bias = nn.Parameter(torch.full((cout,), bias_init / lr_mul))
        s.gain = lr_mul / math.sqrt(cin); s.lr_mul = lr_mul
    def forward(s, x): return F.linear(x, s.weight * s.gain, s.bias * s.lr_mul)

def act(x): return F.leaky_relu(x, 0.2) * SQRT2

class ModConv(nn.Module):
    def __init__(s, cin, cout, k, demod):
        super().__init__()
        s.affine = EqLinear(d, cin, bias_init=1.0)
        s.weight = nn.Parameter(torch.randn(cout, cin, k, k)); s.bias = nn.Parameter(torch.zeros(cout))
        s.gain = 1 / math.sqrt(cin * k * k); s.demod = demod; s.pad = k // 2
    def forward(s, x, w):
        st = s.affine(w)                                          # [N, Cin]
        wt = s.weight * s.gain
        y = F.conv2d(x * st[:, :, None, None], wt, padding=s.pad)
        if s.demod:
            y = y * (st.square() @ wt.square().sum([2, 3]).t() + 1e-8).rsqrt()[:, :, None, None]
        y = y + s.bias[None, :, None, None]
        return act(y) if s.demod else y

class G(nn.Module):
    def __init__(s):
        super().__init__()
        s.mapping = nn.ModuleList([EqLinear(d, d, lr_mul=0.01) for _ in range(a.mapping_layers)])
        s.const = nn.Parameter(torch.randn(wd(4), 4, 4))
        s.convs, s.rgbs = nn.ModuleList(), nn.ModuleList()
        r, cin = 4, wd(4)
        while r <= R:
            if r > 4: s.convs.append(ModConv(cin, wd(r), 3, True))
            s.convs.append(ModConv(wd(r), wd(r), 3, True)); s.rgbs.append(ModConv(wd(r), C, 1, False))
            cin = wd(r); r *= 2
    def forward(s, z):
        w = z
        for fc in s.mapping: w = act(fc(w))
        x = s.const[None].repeat(z.shape[0], 1, 1, 1)
        if a.channels_last: x = x.contiguous(memory_format=torch.channels_last)
        x = s.convs[0](x, w); img = s.rgbs[0](x, w); i = 1
        for j in range(1, len(s.rgbs)):
            x = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
            x = s.convs[i](x, w); x = s.convs[i + 1](x, w); i += 2
            img = F.interpolate(img, scale_factor=2, mode="bilinear", align_corners=False) + s.rgbs[j](x, w)
        return img

class Block(nn.Module):
    def __init__(s, r):
        super().__init__()
        s.conv0, s.conv1 = EqConv(wd(r), wd(r), 3), EqConv(wd(r), wd(r // 2), 3); s.skip = EqConv(wd(r), wd(r // 2), 1, bias=False)
    def forward(s, x):
        main = act(F.avg_pool2d(s.conv1(act(s.conv0(x))), 2))
        return (main + s.skip(F.avg_pool2d(x, 2))) / SQRT2

class D(nn.Module):
    def __init__(s):
        super().__init__()
        s.from_rgb = EqConv(C, wd(R), 1)
        s.blocks = nn.ModuleList([Block(R >> i) for i in range(int(math.log2(R)) - 2)])
        s.conv4, s.fc, s.head = EqConv(wd(4), wd(4), 3), EqLinear(16 * wd(4), wd(4)), EqLinear(wd(4), 1 + d)
    def forward(s, x):
        x = act(s.from_rgb(x))
        for b in s.blocks: x = b(x)
        return s.head(act(s.fc(act(s.conv4(x)).flatten(1))))

G, D = G(), D()
print("G parameters:", sum(t.numel() for t in G.parameters()))
print("D parameters:", sum(t.numel() for t in D.parameters()))
if a.params: raise SystemExit(0)
if a.channels_last:
    G = G.to(memory_format=torch.channels_last); D = D.to(memory_format=torch.channels_last)
opt_g = torch.optim.Adam(G.parameters(), 1e-3, betas=(0.0, 0.99))
opt_d = torch.optim.Adam(D.parameters(), 1e-3, betas=(0.0, 0.99))
v = torch.ones(d)
real_all = torch.rand(a.batch * 8, C, R, R) * 2 - 1
if a.channels_last: real_all = real_all.contiguous(memory_format=torch.channels_last)
lam, lam_r1 = 1.0, 10.0

def scale():
    sv = v.sqrt()
    return (d ** 0.5) * sv / sv.norm()

for step in range(a.warmup + a.steps):
    if step == a.warmup: t0 = time.perf_counter()
    i = (step % 8) * a.batch
    x = real_all[i:i + a.batch].clone().requires_grad_(True)
    s = scale()
    z = torch.randn(a.batch, d)
    if a.joint_d_pass:
        with torch.no_grad(): fake = G(z * s)
        if a.channels_last: fake = fake.contiguous(memory_format=torch.channels_last)
        out = D(torch.cat([x, fake], 0))
        out_r, out_f = out[:a.batch], out[a.batch:]
        grad, = torch.autograd.grad(out_r[:, 0].sum(), x, create_graph=True)
    else:
        out_r = D(x)
        grad, = torch.autograd.grad(out_r[:, 0].sum(), x, create_graph=True)
        with torch.no_grad(): fake = G(z * s)
        out_f = D(fake)
    zp = out_f[:, 1:]
    loss_d = F.softplus(-out_r[:, 0]).mean() + F.softplus(out_f[:, 0]).mean() + lam * ((z - zp) ** 2 * s ** 2).mean() \
        + lam_r1 * grad.pow(2).sum(dim=[1, 2, 3]).mean()
    opt_d.zero_grad(set_to_none=True); loss_d.backward(); opt_d.step()
    with torch.no_grad(): v.mul_(0.999).add_(0.001 * zp.detach().pow(2).mean(0))
    z = torch.randn(a.batch, d)
    if a.frozen_d: D.requires_grad_(False)
    out_f = D(G(z * s))
    loss_g = F.softplus(-out_f[:, 0]).mean() + lam * ((z - out_f[:, 1:]) ** 2 * s ** 2).mean()
    opt_g.zero_grad(set_to_none=True); loss_g.backward(); opt_g.step()
    if a.frozen_d: D.requires_grad_(True)
elapsed = time.perf_counter() - t0
print("torch", torch.__version__, "threads", torch.get_num_threads(), "options",
      " ".join(o for o, on in [("channels-last", a.channels_last), ("frozen-d", a.frozen_d), ("joint-d-pass", a.joint_d_pass)] if on) or "none")
print("images/s: %.1f" % (a.steps * a.batch / elapsed))
