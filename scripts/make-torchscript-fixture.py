#!/usr/bin/python3
"""Makes core/src/test/resources/oracle/tiny-features.pt and tiny-features.json.

A TorchScript module with the interface of NVIDIA's inception-2015-12-05.pt: forward(img,
return_features=False), img uint8 [N, 3, H, W]; with return_features it returns [N, 8]
features (a fixed linear map of the per-channel means, scaled to [0, 1]). The JSON holds two
8x8 test images and the features Python computes for them, the oracle for InceptionFeaturesTest.
Run with Debian's python3-torch (a test oracle only).
"""
import json, os
import torch

out = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "oracle")

class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        g = torch.Generator().manual_seed(7)
        self.weight = torch.nn.Parameter(torch.randn(3, 8, generator=g), requires_grad=False)

    def forward(self, img: torch.Tensor, return_features: bool = False) -> torch.Tensor:
        x = img.to(torch.float32) / 255.0
        pooled = x.mean(dim=[2, 3])                     # [N, 3]
        feats = pooled @ self.weight                    # [N, 8]
        return feats if return_features else feats.sum(dim=1, keepdim=True)

m = torch.jit.script(Tiny())
m.save(os.path.join(out, "tiny-features.pt"))
g = torch.Generator().manual_seed(11)
imgs = torch.randint(0, 256, (2, 3, 8, 8), generator=g, dtype=torch.uint8)
with torch.no_grad():
    feats = m(imgs, True)
json.dump({"images": imgs.reshape(2, -1).tolist(), "features": feats.tolist()},
          open(os.path.join(out, "tiny-features.json"), "w"))
print(torch.__version__, feats)
