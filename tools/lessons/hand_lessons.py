#!/usr/bin/env python3
"""Rewrites the descriptions and lessons of the samples whose weights are not trained by train-all.sh
(seeded or set by hand), keeping their networks and sequences. Every number said here was measured
on the sample's trace (`java -jar target/unrolled.jar trace samples/NAME.json`) and is backed by a
beat check. Run from the repository root."""
import json

from make_sources import EMIT_CHECKS, ablate, argmax, beat, exists, steps, value


def edit(name, **fields):
    path = "samples/" + name
    with open(path) as f:
        text = f.read()
    s = json.loads(text)
    indent = len(text.split("\n")[1]) - len(text.split("\n")[1].lstrip())  # keep the file's own layout
    for k, v in fields.items():
        s[k] = v
    if not EMIT_CHECKS:
        for b in s.get("lesson", []):
            b.pop("checks", None)
    with open(path, "w") as f:
        json.dump(s, f, indent=indent, ensure_ascii=False)
        f.write("\n")


def ratio(q1, q2, claim=None, **bounds):
    c = {"check": "ratio", "of": [q1, q2], **bounds}
    return {"claim": claim, **c} if claim else c


def rnn_vanishing():
    edit("rnn-vanishing.json", description=(
        "A tanh RNN reads 30 steps and is judged only on its last output (many-to-one). Its recurrent matrix "
        "has spectral radius ρ(W_hh) = 0.5 and largest singular value σ_max(W_hh) = 0.79 (seeded weights, init "
        "seed 3 and scale 0.4, with W_hh rescaled). Each step back multiplies ∂L/∂h by diag(tanh′)·W_hhᵀ, so it "
        "keeps at most σ_max·max tanh′ ≈ 0.79 of its size; here the factor is between 0.41 and 0.58 (above "
        "0.5 at 14 of the 29 steps), and ρ is its long-run average: the geometric mean of the 29 factors is "
        "0.49. The states stay small (|h| ≤ 0.52), so tanh′ = 1 − h² is 0.97 on average: it is W_hh, not tanh, "
        "that shrinks the gradient here (tanh′ ≤ 1 alone would not). After 29 steps ∂L/∂h_1 is 1.1·10⁻⁹ of "
        "∂L/∂h_30. Unrolled, the RNN is a 30-layer feed-forward network with shared weights, and this is the "
        "vanishing gradient of a deep network."),
        lesson=[
            beat(30, "Forward: 30 steps and one output, at the end; unrolled, a 30-layer network whose layers "
                     "share W.", ["y", "loss", "W"], [
                exists("y[30]", True, claim="one output, at the end"),
                steps(1, 29, exists("y[t]", False)),
                exists("h[30]", True, claim="a 30-layer network")]),
            beat(30, "The loss is at t = 30 only, so BPTT starts there: ∂L/∂h_30 comes from the output alone.",
                 ["gradient", "loss"], [
                steps(1, 29, exists("y[t]", False), claim="The loss is at t = 30 only"),
                ratio("norm(dL_dh_out[30])", "norm(dL_dh[30])", claim="∂L/∂h_30 comes from the output alone",
                      near=1, within=1e-9)], phase="backward"),
            beat(27, "Each step back multiplies ∂L/∂h by diag(tanh′)·W_hhᵀ: here by 0.41 to 0.58, never more than "
                     "σ_max(W_hh)·max tanh′ = 0.79. From step 3 on every |h_t| is below 0.24, so tanh′ = 1 − h² is "
                     "above 0.94: W_hh, not tanh, does the shrinking.", ["gradient", "W"], [
                steps(1, 29, ratio("norm(dL_dh[t])", "norm(dL_dh[t+1])", above=0.4, below=0.6),
                      claim="here by 0.41 to 0.58"),
                steps(1, 29, ratio("norm(dL_dh[t])", "norm(dL_dh[t+1])", below=0.79),
                      claim="never more than σ_max(W_hh)·max tanh′ = 0.79"),
                steps(3, 30, value("maxabs(h[t])", below=0.24), claim="From step 3 on every |h_t| is below 0.24")],
                 phase="backward"),
            beat(1, "At t = 1, ∂L/∂h_1 is about 10⁻⁹ of ∂L/∂h_30: 29 steps at 0.49 per step on average, close to "
                    "ρ = 0.5. This is the vanishing gradient: the first inputs barely change the weights.",
                 ["gradient"], [
                ratio("norm(dL_dh[1])", "norm(dL_dh[30])", claim="∂L/∂h_1 is about 10⁻⁹ of ∂L/∂h_30",
                      above=1e-9, below=1.2e-9),
                ratio("norm(dL_dh[1])", "norm(dL_dh[30])", claim="29 steps at 0.49 per step on average",
                      above=0.485 ** 29, below=0.495 ** 29),
                ratio("norm(dL_dh[1])", "norm(dL_dh[30])", claim="This is the vanishing gradient", below=1e-6)],
                 phase="backward")])




def lstm_highway():
    edit("lstm-highway.json", description=(
        "The 30 steps of the vanishing sample (x_1 = 1, then zeros; one loss, at t = 30) read by an LSTM with "
        "seeded weights and three biases set by hand: the forget gates are biased open (b_f = 4, so f ≈ 0.98), "
        "the input gate is biased shut (b_i = −4) and opened only by x_1 = 1 (its input weights are 8), and "
        "the candidate g has no bias, so the cell state stays small (|c| ≤ 0.34) and tanh does not saturate. "
        "Going back, ∂L/∂c is scaled only by f at each step along the cell state: ∂L/∂c_1 keeps 55% of "
        "∂L/∂c_30. Compare like with like: in this LSTM ∂L/∂h_1 is 0.19% of ∂L/∂h_30, in the vanishing RNN "
        "sample 1.1·10⁻⁹ of it."),
        lesson=[
            beat(30, "The forget gates are biased open (f ≈ 0.98) and the input gate opens only at step 1, "
                     "where x_1 = 1. So the cell state stays small, |c| ≤ 0.34, and tanh does not saturate.",
                 ["f", "i", "highway"], [
                steps(1, 30, {"check": "all", "of": [value("min(f[t])", above=0.97), value("max(f[t])", below=0.99)]},
                      claim="f ≈ 0.98"),
                {"claim": "the input gate opens only at step 1", "check": "all", "of": [
                    value("min(i[1])", above=0.98), steps(2, 30, value("max(i[t])", below=0.03))]},
                steps(1, 30, value("maxabs(c[t])", below=0.345), claim="|c| ≤ 0.34")]),
            beat(30, "BPTT starts at the only loss, at t = 30. 45% of the size of ∂L/∂h_30 enters the cell state as "
                     "∂L/∂c_30 (the factor o·tanh′(c)).", ["gradient", "loss"], [
                steps(1, 29, exists("y[t]", False), claim="BPTT starts at the only loss"),
                ratio("norm(dL_dc[30])", "norm(dL_dh[30])", claim="45% of the size of ∂L/∂h_30 enters the cell state",
                      above=0.44, below=0.46)], phase="backward"),
            beat(15, "Going back along the cell state, ∂L/∂c is multiplied only by f at each step: that path keeps "
                     "97 to 99% of it per step.", ["highway", "f"], [
                steps(1, 29, ratio("norm(dL_dc_next[t])", "norm(dL_dc[t+1])", above=0.97, below=0.99),
                      claim="that path keeps 97 to 99% of it per step")], phase="backward"),
            beat(1, "At t = 1, ∂L/∂c_1 still has 55% of the size of ∂L/∂c_30. ∂L/∂h_1 has 0.19% of ∂L/∂h_30 "
                    "(the vanishing RNN keeps 10⁻⁹ of it): most of the gradient that reaches step 1 travels along "
                    "the cell state, ∂L/∂c_1 is over 100 times ∂L/∂h_1.", ["gradient", "highway"], [
                ratio("norm(dL_dc[1])", "norm(dL_dc[30])", claim="∂L/∂c_1 still has 55% of the size of ∂L/∂c_30",
                      above=0.53, below=0.57),
                ratio("norm(dL_dh[1])", "norm(dL_dh[30])", claim="∂L/∂h_1 has 0.19% of ∂L/∂h_30",
                      above=0.0018, below=0.002),
                ratio("norm(dL_dc[1])", "norm(dL_dh[1])", claim="∂L/∂c_1 is over 100 times ∂L/∂h_1", above=100)],
                 phase="backward")])


def one_to_one():
    edit("one-to-one.json", description=(
        "The ordinary set-up of a feed-forward network: one input, one output, one step. The recurrent weights "
        "are there but h_0 (zeros) is the only state they ever see, so W_hh h_0 = 0. Seeded, untrained weights "
        "(init seed 21, scale 0.7). Compare it with any sequence sample, where the same cell is applied again "
        "and again: View ▸ Compare one step with a sequence puts the same cell beside its unrolled chain."),
        lesson=[
            beat(0, "One-to-one: a single input, a single output. h_0 (zeros) is the only state the recurrent "
                    "weights ever see.", ["h"], [
                exists("y[1]", True, claim="a single input, a single output"),
                value("maxabs(h[0])", claim="h_0 (zeros) is the only state", below=1e-12)]),
            beat(1, "y_1 = W_out tanh(W_ih x_1 + b_ih + W_hh h_0 + b_hh) + b_out, where W_hh h_0 = 0: an ordinary "
                    "feed-forward network with one hidden layer. Its seeded, untrained weights happen to give class "
                    "1, the target, with loss 0.62.", ["x", "y", "loss"], [
                value("maxabs(h[0])", claim="where W_hh h_0 = 0", below=1e-12),
                argmax("y[1]", 1, claim="happen to give class 1"),
                argmax("y[1]", "target", claim="the target"),
                value("loss", claim="with loss 0.62", near=0.6168, within=0.0005)])])


def default():
    edit("default.json", description=(
        "An LSTM with 4 hidden units reads two sine waves (aligned many-to-many); its targets are the next value "
        "of each wave at every step. Its weights are seeded (init seed 7, scale 0.5) and untrained, so it does "
        "not predict them yet: its loss is 6.32. \"A trained LSTM predicts the wave\" in File ▸ Samples is the "
        "same network after training (loss 0.00039). Watch the cell state carry information along the top of "
        "every cell, and the gradients flow back through time."))


def rnn_exploding():
    edit("rnn-exploding.json", description=(
        "A ReLU RNN whose recurrent matrix passes the state around a ring of 4 units, scaled by 2 (spectral "
        "radius ρ(W_hh) = 2, weights set by hand). Every step back through time multiplies the gradient by "
        "W_hhᵀ (ReLU′ = 1, as every state is positive), so it doubles per step: 2²⁹ ≈ 5.4·10⁸ times over the 29 "
        "steps back to t = 1. The forward state grows the same way, to 2²⁸ at t = 30. Gradient-norm clipping "
        "(train --clip) is the usual cure."),
        lesson=[
            beat(30, "Forward: the ring doubles the state at every step, so h_30 = 2²⁸ ≈ 2.7·10⁸ in every unit.",
                 ["h", "y"], [
                steps(1, 29, ratio("maxabs(h[t+1])", "maxabs(h[t])", near=2, within=1e-9),
                      claim="the ring doubles the state at every step"),
                {"claim": "h_30 = 2²⁸ ≈ 2.7·10⁸ in every unit", "check": "all", "of": [
                    value("min(h[30])", near=2 ** 28, within=1e-3), value("max(h[30])", near=2 ** 28, within=1e-3)]}]),
            beat(30, "BPTT starts at the only loss, at t = 30.", ["gradient", "loss"], [
                steps(1, 29, exists("y[t]", False), claim="BPTT starts at the only loss")], phase="backward"),
            beat(20, "Each step back multiplies the gradient by W_hhᵀ: ×2 per step, the bars grow as they go left.",
                 ["gradient", "W"], [
                steps(1, 29, ratio("norm(dL_dh[t])", "norm(dL_dh[t+1])", near=2, within=1e-9), claim="×2 per step")],
                 phase="backward"),
            beat(1, "At t = 1 the gradient is 2²⁹ ≈ 5.4·10⁸ times larger than at t = 30, ‖∂L/∂h_1‖ ≈ 1.2·10¹⁶: one "
                    "update of size η·gradient would throw the weights away. This is the exploding gradient.",
                 ["gradient"], [
                ratio("norm(dL_dh[1])", "norm(dL_dh[30])", claim="2²⁹ ≈ 5.4·10⁸ times larger than at t = 30",
                      near=2 ** 29, within=1e-3 * 2 ** 29),
                value("norm(dL_dh[1])", claim="‖∂L/∂h_1‖ ≈ 1.2·10¹⁶", above=1.15e16, below=1.25e16),
                ratio("norm(dL_dh[1])", "norm(dL_dh[30])", claim="This is the exploding gradient", above=1e6)],
                 phase="backward")])


def descriptions_only():
    edit("lstm-wave-trained.json", description=(
        "The default scenario's LSTM after training on its own sequence: its outputs now follow the next values "
        "of the two waves, and the losses are near zero. Trained with `unrolled train` (adam, learning rate "
        "0.01, 400 updates, gradient norm clipped to 5.0): loss 6.320 -> 0.0003910. It was trained on this one "
        "sequence only, so it shows what training does, not that the network generalises (no held-out set)."))
    edit("gru-seq2seq.json", description=(
        "A GRU encoder reads five inputs; its last hidden state is the context C, the initial state of a GRU "
        "decoder with its own weights, which produces three outputs. Teacher forcing feeds the previous target "
        "into each decoder step. The weights are seeded (init seed 11) and untrained."))



if __name__ == "__main__":
    for edit_sample in [rnn_vanishing, lstm_highway, one_to_one, default, rnn_exploding, descriptions_only]:
        edit_sample()
