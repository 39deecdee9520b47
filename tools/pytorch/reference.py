#!/usr/bin/env python3
"""PyTorch reference for Unrolled's engine: reads an rnn-scenario/1 file with explicit weights and
writes the rnn-trace/1 JSON that PyTorch's autograd computes for it.

Independent of the Java code: the cells are written with torch operations from the spec's
equations (so that dL/dc_t includes the path through h_t, as the spec defines it), and each step's
forward values are checked against torch.nn.RNNCell / LSTMCell / GRUCell, which fixes the weight
layout and gate order to PyTorch's own.

    /usr/bin/python3 tools/pytorch/reference.py SCENARIO.json > TRACE.json

Needs PyTorch (Debian: apt-get install python3-torch). Used to make the golden files in
src/test/resources/golden/ (see make_golden.py); the Java tests do not need it.
"""
import json
import math
import sys

import torch

torch.set_default_dtype(torch.float64)


def t(v):
    return torch.tensor(v, dtype=torch.float64)


def cell_params(w):
    return {k: t(w[k]) for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}


class Cell:
    def __init__(self, sc, params):
        self.kind = sc["cell"]
        self.act = sc.get("activation", "tanh")
        self.variant = sc.get("gruVariant", "pytorch")
        self.p = params
        self.H = sc["hiddenSize"]
        self.I = sc["inputSize"]
        self.check = self._torch_cell()

    def _torch_cell(self):
        if self.kind == "rnn":
            c = torch.nn.RNNCell(self.I, self.H, nonlinearity=self.act)
        elif self.kind == "lstm":
            c = torch.nn.LSTMCell(self.I, self.H)
        elif self.variant == "pytorch":
            c = torch.nn.GRUCell(self.I, self.H)
        else:
            return None  # Cho's GRU is not in PyTorch
        with torch.no_grad():
            for k, v in self.p.items():
                getattr(c, k).copy_(v)
        return c

    def step(self, x, h, c):
        """Returns (h_t, c_t, gates dict); x, h, c are 1-D tensors in the autograd graph."""
        p = self.p
        H = self.H
        if self.kind == "rnn":
            pre = p["weight_ih"] @ x + p["bias_ih"] + p["weight_hh"] @ h + p["bias_hh"]
            hn = torch.tanh(pre) if self.act == "tanh" else torch.relu(pre)
            gates, cn = {}, None
        elif self.kind == "lstm":
            pre = p["weight_ih"] @ x + p["bias_ih"] + p["weight_hh"] @ h + p["bias_hh"]
            i = torch.sigmoid(pre[0:H])
            f = torch.sigmoid(pre[H:2 * H])
            g = torch.tanh(pre[2 * H:3 * H])
            o = torch.sigmoid(pre[3 * H:4 * H])
            cn = f * c + i * g
            cn.retain_grad()
            hn = o * torch.tanh(cn)
            gates = {"i": i, "f": f, "g": g, "o": o}
        else:
            gi = p["weight_ih"] @ x + p["bias_ih"]
            whh, bhh = p["weight_hh"], p["bias_hh"]
            r = torch.sigmoid(gi[0:H] + whh[0:H] @ h + bhh[0:H])
            z = torch.sigmoid(gi[H:2 * H] + whh[H:2 * H] @ h + bhh[H:2 * H])
            if self.variant == "cho":
                n = torch.tanh(gi[2 * H:] + whh[2 * H:] @ (r * h) + bhh[2 * H:])
            else:
                n = torch.tanh(gi[2 * H:] + r * (whh[2 * H:] @ h + bhh[2 * H:]))
            hn = (1 - z) * n + z * h
            gates, cn = {"r": r, "z": z, "n": n}, None
        self._check(x, h, c, hn, cn)
        return hn, cn, gates

    def _check(self, x, h, c, hn, cn):
        if self.check is None:
            return
        with torch.no_grad():
            if self.kind == "lstm":
                eh, ec = self.check(x.detach()[None], (h.detach()[None], c.detach()[None]))
                pairs = [(eh[0], hn), (ec[0], cn)]
            else:
                pairs = [(self.check(x.detach()[None], h.detach()[None])[0], hn)]
            for expected, got in pairs:
                if not torch.allclose(expected, got.detach(), rtol=1e-12, atol=1e-12, equal_nan=True):
                    raise SystemExit("manual cell disagrees with torch.nn cell")


def run(sc):
    mapping = sc["mapping"]
    loss_kind = sc["loss"]
    feedback = sc.get("feedback")
    H, I, O = sc["hiddenSize"], sc["inputSize"], sc["outputSize"]
    w = sc["weights"]
    seq2seq = mapping == "seq2seq"
    leaves = {}
    if seq2seq:
        enc_p = {k: v.requires_grad_() for k, v in cell_params(w["encoder"]).items()}
        dec_p = {k: v.requires_grad_() for k, v in cell_params(w["decoder"]).items()}
        leaves.update({"encoder." + k: v for k, v in enc_p.items()})
        leaves.update({"decoder." + k: v for k, v in dec_p.items()})
    else:
        dec_p = {k: v.requires_grad_() for k, v in cell_params(w).items()}
        leaves.update(dec_p)
    w_out = t(w["weight_out"]).requires_grad_()
    b_out = t(w["bias_out"]).requires_grad_()
    leaves["weight_out"] = w_out
    leaves["bias_out"] = b_out

    h = t(sc.get("h0", [0.0] * H))
    c = t(sc.get("c0", [0.0] * H))
    inputs = sc["inputs"]
    targets = sc["targets"]

    def one_hot(k):
        v = torch.zeros(I)
        v[k] = 1.0
        return v

    enc_steps = []
    if seq2seq:
        enc = Cell(sc, enc_p)
        for x in inputs:
            x = t(x)
            h, c, gates = enc.step(x, h, c)
            h.retain_grad()
            enc_steps.append({"x": x, "h": h, "c": c, "gates": gates})
    cell = Cell(sc, dec_p)
    if mapping == "one-to-one":
        length = 1
    elif mapping in ("one-to-many", "seq2seq"):
        length = len(targets)
    else:
        length = len(inputs)
    steps = []
    total = torch.zeros(())
    for k in range(length):
        if mapping in ("one-to-one", "many-to-one", "many-to-many"):
            x = t(inputs[k])
        elif k == 0:
            x = t(sc.get("startInput", [0.0] * I)) if seq2seq else t(inputs[0])
        elif feedback == "zeros":
            x = torch.zeros(I)
        elif feedback == "teacher-forcing":
            x = t(targets[k - 1]) if loss_kind == "mse" else one_hot(targets[k - 1])
        else:
            prev = steps[-1]["y"]
            x = prev if loss_kind == "mse" else one_hot(int(torch.argmax(prev.detach())))
        h, c, gates = cell.step(x, h, c)
        h.retain_grad()
        st = {"x": x, "h": h, "c": c, "gates": gates}
        target = (0 if k == length - 1 else None) if mapping == "many-to-one" else k
        if target is not None:
            y = w_out @ h + b_out
            y.retain_grad()
            if loss_kind == "mse":
                loss = 0.5 * torch.sum((y - t(targets[target])) ** 2)
            else:
                loss = torch.nn.functional.cross_entropy(y[None], torch.tensor([targets[target]]), reduction="sum")
            total = total + loss
            st["y"] = y
        steps.append(st)
    total.backward()

    def num(v):
        v = float(v)
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v

    def vec(tensor):
        return [num(v) for v in tensor.detach().reshape(-1).tolist()]

    def mat(tensor):
        return [vec(row) for row in tensor.detach()]

    def grad_or_zero(tensor):
        return tensor.grad if tensor.grad is not None else torch.zeros_like(tensor)

    def out_steps(seq):
        out = []
        for i, st in enumerate(seq):
            d = {"t": i + 1, "x": vec(st["x"]), "h": vec(st["h"])}
            if sc["cell"] == "lstm":
                d["c"] = vec(st["c"])
            d["gates"] = {g: vec(v) for g, v in st["gates"].items()}
            if "y" in st:
                d["y"] = vec(st["y"])
            d["dL_dh"] = vec(grad_or_zero(st["h"]))
            if sc["cell"] == "lstm":
                d["dL_dc"] = vec(grad_or_zero(st["c"]))
            out.append(d)
        return out

    trace = {"format": "rnn-trace/1", "scenario": sc["title"], "loss": num(total), "weights": w}
    if seq2seq:
        trace["encoder"] = {"steps": out_steps(enc_steps)}
        trace["decoder"] = {"steps": out_steps(steps)}
    else:
        trace["steps"] = out_steps(steps)
    grads = {}
    for name, leaf in leaves.items():
        g = grad_or_zero(leaf)
        grads[name] = mat(g) if g.dim() == 2 else vec(g)
    trace["grads"] = grads
    return trace


def main():
    with open(sys.argv[1]) as f:
        sc = json.load(f)
    json.dump(run(sc), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
