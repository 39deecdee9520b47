#!/usr/bin/env python3
"""Makes the golden files in src/test/resources/golden/: scenario files with random explicit weights
for every cell x mapping x loss x feedback combination (plus an exploding network), each beside the
trace PyTorch computes for it (reference.py). The Java test GoldenTraceTest compares the engine with
them. Re-run after changing the spec, never after changing the engine:

    /usr/bin/python3 tools/pytorch/make_golden.py
"""
import json
import os
import random

import reference

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "test", "resources", "golden")

CELLS = [("rnn", {"activation": "tanh"}), ("rnn", {"activation": "relu"}), ("lstm", {}),
         ("gru", {}), ("gru", {"gruVariant": "cho"})]
MAPPINGS = ["one-to-one", "one-to-many", "many-to-one", "many-to-many", "seq2seq"]
LOSSES = ["mse", "cross-entropy"]
FEEDBACK = ["teacher-forcing", "free-running", "zeros"]
GATES = {"rnn": 1, "lstm": 4, "gru": 3}


def uniform(rng, n, scale):
    return [rng.uniform(-scale, scale) for _ in range(n)]


def matrix(rng, rows, cols, scale):
    return [uniform(rng, cols, scale) for _ in range(rows)]


def cell_weights(rng, cell, I, H, scale):
    G = GATES[cell] * H
    return {"weight_ih": matrix(rng, G, I, scale), "weight_hh": matrix(rng, G, H, scale),
            "bias_ih": uniform(rng, G, scale), "bias_hh": uniform(rng, G, scale)}


def scenario(rng, name, cell, extra, mapping, loss, feedback, I=3, H=4, O=3, T=5, S=4, scale=0.8):
    if feedback in ("teacher-forcing", "free-running"):
        O = I
    n_in = 1 if mapping in ("one-to-one", "one-to-many") else T
    n_out = {"one-to-one": 1, "many-to-one": 1, "many-to-many": T}.get(mapping, S)
    sc = {"format": "rnn-scenario/1", "title": name, "cell": cell, **extra,
          "inputSize": I, "hiddenSize": H, "outputSize": O, "mapping": mapping, "loss": loss}
    if feedback:
        sc["feedback"] = feedback
    sc["inputs"] = matrix(rng, n_in, I, 1.0)
    sc["targets"] = matrix(rng, n_out, O, 1.0) if loss == "mse" else [rng.randrange(O) for _ in range(n_out)]
    sc["h0"] = uniform(rng, H, 0.5)
    if cell == "lstm":
        sc["c0"] = uniform(rng, H, 0.5)
    if mapping == "seq2seq":
        sc["startInput"] = uniform(rng, I, 1.0)
        sc["weights"] = {"encoder": cell_weights(rng, cell, I, H, scale),
                         "decoder": cell_weights(rng, cell, I, H, scale)}
    else:
        sc["weights"] = cell_weights(rng, cell, I, H, scale)
    sc["weights"]["weight_out"] = matrix(rng, O, H, scale)
    sc["weights"]["bias_out"] = uniform(rng, O, scale)
    return sc


def write(name, sc):
    with open(os.path.join(OUT, name + ".scenario.json"), "w") as f:
        json.dump(sc, f)
        f.write("\n")
    with open(os.path.join(OUT, name + ".trace.json"), "w") as f:
        json.dump(reference.run(sc), f)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20261125)
    for cell, extra in CELLS:
        cname = cell + "-" + (extra.get("activation") or extra.get("gruVariant") or "pytorch" if cell != "lstm" else "")
        cname = cname.rstrip("-")
        for mapping in MAPPINGS:
            for loss in LOSSES:
                for fb in (FEEDBACK if mapping in ("one-to-many", "seq2seq") else [None]):
                    name = "_".join(x for x in (cname, mapping, loss, fb) if x)
                    write(name, scenario(rng, name, cell, extra, mapping, loss, fb))
    # A network that explodes: relu with large recurrent weights overflows to infinity and NaN.
    big = scenario(rng, "exploding-relu", "rnn", {"activation": "relu"}, "many-to-many", "mse", None,
                   I=2, H=3, O=2, T=12, scale=1.0)
    big["weights"]["weight_hh"] = [[1e30 if i == j else 0.0 for j in range(3)] for i in range(3)]
    big["inputs"] = [[1.0, 1.0]] * 12
    big["h0"] = [1.0, 1.0, 1.0]
    big["weights"]["bias_ih"] = [1.0, 1.0, 1.0]
    write("exploding-relu", big)
    # A relu unit at zero under an infinite gradient: PyTorch gives it no gradient at all (0, not ∞ · 0 = NaN),
    # while the unit beside it, above zero, passes the infinity on.
    masked = {"format": "rnn-scenario/1", "title": "relu-masked-infinite-gradient", "cell": "rnn", "activation": "relu",
              "inputSize": 1, "hiddenSize": 2, "outputSize": 1, "mapping": "many-to-one", "loss": "mse",
              "inputs": [[0.5], [0.25]], "targets": [[-1e308]],
              "weights": {"weight_ih": [[1.0], [1.0]], "weight_hh": [[0.0, 0.0], [0.0, 0.5]],
                          "bias_ih": [-1.0, 0.5], "bias_hh": [0.0, 0.0],
                          "weight_out": [[2.0, 1.0]], "bias_out": [1e308]}}
    write("relu-masked-infinite-gradient", masked)


if __name__ == "__main__":
    main()
