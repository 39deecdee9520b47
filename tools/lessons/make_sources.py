#!/usr/bin/env python3
"""Writes the untrained task scenarios (tiny vocabularies, one-hot inputs, training examples) that
train-all.sh turns into the trained samples in samples/. Run from the repository root."""
import json
import os

OUT = "tools/lessons/sources"


def one_hot(words, vocab):
    return [[1 if v == w else 0 for v in vocab] for w in words]


def write(name, scenario):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(scenario, f, indent=1, ensure_ascii=False)
        f.write("\n")


def sentiment():
    vocab = ["good", "bad", "not", "very", "movie", "plot"]
    labels = ["negative", "positive"]
    data = [("good movie", 1), ("bad movie", 0), ("not good", 0), ("not bad", 1), ("very good", 1),
            ("very bad", 0), ("not very good", 0), ("not very bad", 1), ("good plot", 1), ("bad plot", 0),
            ("movie not good", 0), ("plot not bad", 1), ("very good movie", 1), ("not good plot", 0),
            ("movie very bad", 0), ("plot very good", 1), ("not bad movie", 1), ("very bad plot", 0)]
    shown = "not very good"
    write("sentiment.json", {
        "format": "rnn-scenario/1",
        "title": "Many-to-one: the sentiment of a short sentence",
        "description": "Reads a sentence one word at a time (one-hot inputs) and says whether it is "
                       "positive or negative only at the end (many-to-one): the last hidden state has to "
                       "carry the whole sentence, including a \"not\" seen two words earlier.",
        "cell": "rnn", "activation": "tanh",
        "inputSize": len(vocab), "hiddenSize": 6, "outputSize": 2,
        "mapping": "many-to-one", "loss": "cross-entropy",
        "inputs": one_hot(shown.split(), vocab), "targets": [0],
        "init": {"seed": 11},
        "vocabulary": {"inputs": vocab, "outputs": labels},
        "examples": [{"name": s, "inputs": one_hot(s.split(), vocab), "targets": [y]} for s, y in data],
        "lesson": [
            {"step": 1, "caption": "\"not\" goes in; no prediction yet: many-to-one only speaks at the end.",
             "highlight": ["x", "h"]},
            {"step": 2, "caption": "\"very\": h_2 mixes the new word with h_1, through the same W as before.",
             "highlight": ["h", "W"]},
            {"step": 3, "caption": "\"good\" on its own would be positive, but h_3 still carries the \"not\": "
                                   "the only output y_3 says negative.", "highlight": ["y", "target"]},
            {"step": 3, "phase": "backward", "caption": "The loss sits at the last step only; "
                                                       "BPTT carries it back to every word.",
             "highlight": ["loss", "gradient"]},
            {"step": 1, "phase": "backward", "caption": "The gradient that reaches \"not\" is what taught "
                                                       "the network to remember negation.",
             "highlight": ["gradient"]}]})


def tagging():
    vocab = ["the", "dogs", "cats", "fish", "eat", "sleep", "swim"]
    tags = ["DET", "NOUN", "VERB"]
    sentences = [("the dogs sleep", "DET NOUN VERB"), ("the cats fish", "DET NOUN VERB"),
                 ("the fish swim", "DET NOUN VERB"), ("dogs eat fish", "NOUN VERB NOUN"),
                 ("cats eat the fish", "NOUN VERB DET NOUN"), ("fish swim", "NOUN VERB"),
                 ("fish eat", "NOUN VERB"), ("dogs fish", "NOUN VERB"), ("cats sleep", "NOUN VERB"),
                 ("the dogs eat the fish", "DET NOUN VERB DET NOUN"), ("the fish eat", "DET NOUN VERB"),
                 ("cats fish", "NOUN VERB"), ("fish sleep", "NOUN VERB"), ("the fish fish", "DET NOUN VERB"),
                 ("dogs eat the cats", "NOUN VERB DET NOUN"), ("cats eat fish", "NOUN VERB NOUN")]
    shown = "the cats fish"
    write("tagging.json", {
        "format": "rnn-scenario/1",
        "title": "Aligned many-to-many: tag each word",
        "description": "One output per input (aligned many-to-many): every word gets its part of speech. "
                       "\"fish\" is a NOUN after \"the\" and a VERB after a noun, so the tag depends on the "
                       "hidden state, not on the word alone.",
        "cell": "lstm",
        "inputSize": len(vocab), "hiddenSize": 6, "outputSize": len(tags),
        "mapping": "many-to-many", "loss": "cross-entropy",
        "inputs": one_hot(shown.split(), vocab),
        "targets": [tags.index(t) for t in "DET NOUN VERB".split()],
        "init": {"seed": 5},
        "vocabulary": {"inputs": vocab, "outputs": tags},
        "examples": [{"name": s, "inputs": one_hot(s.split(), vocab), "targets": [tags.index(x) for x in t.split()]}
                     for s, t in sentences],
        "lesson": [
            {"step": 1, "caption": "Every word has its own output and its own loss: \"the\" → DET.",
             "highlight": ["x", "y", "target"]},
            {"step": 3, "caption": "\"fish\" after \"cats\" is a VERB: the cell state remembers that a noun "
                                   "came before.", "highlight": ["c", "y"]},
            {"step": 2, "phase": "backward", "caption": "Going back, dL/dh_2 is the sum of what comes from "
                                                       "its own output and from step 3.",
             "highlight": ["gradient"]}]})


def captioning():
    photos = ["cat photo", "dog photo", "sun photo"]
    words = ["a", "the", "cat", "dog", "sun", "sleeps", "barks", "shines", "<end>"]
    captions = {"cat photo": "a cat sleeps <end>", "dog photo": "a dog barks <end>",
                "sun photo": "the sun shines <end>"}
    write("captioning.json", {
        "format": "rnn-scenario/1",
        "title": "One-to-many: describe a picture",
        "description": "One input, a code for a picture, and several outputs: a caption written one word "
                       "per step (one-to-many). After the first step the input is zeros, so the hidden state "
                       "alone tracks what has been written so far.",
        "cell": "rnn", "activation": "tanh",
        "inputSize": len(photos), "hiddenSize": 8, "outputSize": len(words),
        "mapping": "one-to-many", "loss": "cross-entropy", "feedback": "zeros",
        "inputs": one_hot(["dog photo"], photos),
        "targets": [words.index(w) for w in captions["dog photo"].split()],
        "init": {"seed": 3},
        "vocabulary": {"inputs": photos, "outputs": words},
        "examples": [{"name": p, "inputs": one_hot([p], photos), "targets": [words.index(w) for w in c.split()]}
                     for p, c in captions.items()],
        "lesson": [
            {"step": 1, "caption": "The picture goes in once, at t = 1; the first word comes out.",
             "highlight": ["x", "y"]},
            {"step": 2, "caption": "No new input (zeros): h_2 alone knows that \"a\" was written for a dog.",
             "highlight": ["h", "y"]},
            {"step": 4, "caption": "The caption ends with <end>; the hidden state counted the words.",
             "highlight": ["y", "target"]}]})


def translation():
    vocab = ["thank", "you", "very", "much", "good", "morning", "night",
             "merci", "beaucoup", "bonjour", "bonne", "nuit", "très", "bien", "<end>"]
    pairs = [("thank you", "merci <end>"), ("thank you very much", "merci beaucoup <end>"),
             ("good morning", "bonjour <end>"), ("good night", "bonne nuit <end>"),
             ("very good", "très bien <end>")]
    src, dst = pairs[1]
    write("translation.json", {
        "format": "rnn-scenario/1",
        "title": "Encoder–decoder: translate a short phrase",
        "description": "An encoder reads \"thank you very much\" (four words); its last hidden state is the "
                       "context C, the decoder's initial state; the decoder writes \"merci beaucoup <end>\" "
                       "(three words): input and output lengths differ. Inputs and outputs share one "
                       "vocabulary, because the decoder reads the previous word (teacher forcing here; "
                       "switch Feedback to free-running in the What if panel to let it read its own words).",
        "cell": "gru",
        "inputSize": len(vocab), "hiddenSize": 8, "outputSize": len(vocab),
        "mapping": "seq2seq", "loss": "cross-entropy", "feedback": "teacher-forcing",
        "inputs": one_hot(src.split(), vocab),
        "targets": [vocab.index(w) for w in dst.split()],
        "init": {"seed": 2},
        "vocabulary": {"inputs": vocab, "outputs": vocab},
        "examples": [{"name": s, "inputs": one_hot(s.split(), vocab), "targets": [vocab.index(w) for w in d.split()]}
                     for s, d in pairs],
        "lesson": [
            {"step": 4, "caption": "The encoder has read four words and produced no output.",
             "highlight": ["h"]},
            {"step": 5, "caption": "The context C = h_4 of the encoder starts the decoder, which has its own "
                                   "weights: the first French word comes out.",
             "highlight": ["context", "y"]},
            {"step": 7, "caption": "Three words out for four in: <end> stops the sentence.",
             "highlight": ["y", "target"]}]})


def teacher_forcing():
    import math

    def wave(phase, n=12):
        return [[round(0.8 * math.sin(phase + 0.6 * k), 4)] for k in range(n)]

    examples = [{"name": "phase %.1f" % p, "inputs": [[round(0.8 * math.sin(p - 0.6), 4)]], "targets": wave(p)}
                for p in [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5]]
    write("teacher-forcing.json", {
        "format": "rnn-scenario/1",
        "title": "Teacher forcing versus free running",
        "description": "A GRU decoder continues a wave for 12 steps from one starting value (one-to-many). "
                       "It was trained with teacher forcing: each step reads the previous target (dashed "
                       "arrows). Its first guess is off, because one value does not tell whether the wave "
                       "rises or falls. With teacher forcing the next step gets the true value anyway. Switch "
                       "Feedback to free-running in the What if panel (or View ▸ Compare teacher forcing and "
                       "free running): now each step reads the model's own previous output, the first error "
                       "is fed back, and the errors compound.",
        "cell": "gru",
        "inputSize": 1, "hiddenSize": 6, "outputSize": 1,
        "mapping": "one-to-many", "loss": "mse", "feedback": "teacher-forcing",
        "inputs": examples[2]["inputs"], "targets": examples[2]["targets"],
        "init": {"seed": 9},
        "examples": examples,
        "lesson": [
            {"step": 1, "caption": "The first output is a guess from a single value: it is off.",
             "highlight": ["y", "target"]},
            {"step": 2, "caption": "Teacher forcing: step 2 reads the true previous value (the target), not "
                                   "the wrong guess, so the error does not carry over.",
             "highlight": ["x", "target"]},
            {"step": 12, "caption": "Every later step is right. Now switch Feedback to free-running: the first "
                                    "error is fed back and the outputs drift away.", "highlight": ["y", "loss"]}]})


def lstm_gates():
    """Hand-set weights: each gate listens to one flag, so each one's role is plain to see."""
    # rows in PyTorch order i, f, g, o; columns value, write, read, erase
    weight_ih = [[0, 10, 0, 0], [0, 0, 0, -10], [2, 0, 0, 0], [0, 0, 10, 0]]
    bias_ih = [-5, 5, 0, -5]
    steps = [("0.8", "write"), ("-0.6", ""), ("0.3", ""), ("0", "read"), ("0", "erase"), ("0.5", ""),
             ("0", "read"), ("-0.7", "write read")]
    inputs = [[float(v), 1 if "write" in f else 0, 1 if "read" in f else 0, 1 if "erase" in f else 0]
              for v, f in steps]
    import math
    targets = [[0.0] for _ in steps]
    targets[3] = [round(math.tanh(math.tanh(1.6)), 4)]  # reads what was written at t = 1
    targets[7] = [round(math.tanh(math.tanh(-1.4)), 4)]
    json.dump({
        "format": "rnn-scenario/1",
        "title": "The three LSTM gates: write, keep, read, erase",
        "description": "A one-unit LSTM whose weights were set by hand so that each gate has one job. "
                       "Inputs: a value and three flags. The input gate i opens on \"write\" and lets "
                       "g = tanh(2·value) into the cell state; the forget gate f stays open (keeps c) "
                       "until \"erase\" closes it; the output gate o opens on \"read\" and shows "
                       "h = o·tanh(c). Walk the lesson with PageDown.",
        "cell": "lstm",
        "inputSize": 4, "hiddenSize": 1, "outputSize": 1,
        "mapping": "many-to-many", "loss": "mse",
        "inputs": inputs, "targets": targets,
        "weights": {"weight_ih": weight_ih, "weight_hh": [[0], [0], [0], [0]],
                    "bias_ih": bias_ih, "bias_hh": [0, 0, 0, 0],
                    "weight_out": [[1]], "bias_out": [0]},
        "vocabulary": {"inputs": ["value", "write", "read", "erase"], "outputs": ["shown"]},
        "lesson": [
            {"step": 1, "caption": "write 0.8: the input gate opens (i ≈ 0.99), so g = tanh(1.6) ≈ 0.92 enters "
                                   "the cell state.", "highlight": ["i", "g", "highway"]},
            {"step": 2, "caption": "no flag: the input gate shuts (i ≈ 0.01) and ignores the new value; the "
                                   "forget gate stays open (f ≈ 0.99), so c keeps what was written.",
             "highlight": ["i", "f", "highway"]},
            {"step": 4, "caption": "read: the output gate opens (o ≈ 0.99) and h = o·tanh(c) shows the stored "
                                   "value, three steps after it was written.", "highlight": ["o", "h", "y"]},
            {"step": 5, "caption": "erase: the forget gate closes (f ≈ 0.01) and the cell state is wiped.",
             "highlight": ["f", "highway"]},
            {"step": 7, "caption": "read again: the output gate opens, but there is nothing left to show.",
             "highlight": ["o", "y"]},
            {"step": 4, "phase": "backward", "caption": "The loss at the read flows back along the cell state, "
                                                        "scaled by f ≈ 0.99 per step, to the write at t = 1.",
             "highlight": ["gradient", "highway"]}]},
        open("samples/lstm-gates.json", "w"), indent=1, ensure_ascii=False)


def rnn_step():
    json.dump({
        "format": "rnn-scenario/1",
        "title": "The RNN step: one cell, the same weights at every step",
        "description": "h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh), y_t = W_out h_t + b_out. The "
                       "chain starts from h_0 (zeros) and applies the same cell, with the same weights, "
                       "at every step: unrolled, it is a deep network whose layers share their weights. "
                       "Seeded random weights (init seed 4).",
        "cell": "rnn", "activation": "tanh",
        "inputSize": 2, "hiddenSize": 3, "outputSize": 1,
        "mapping": "many-to-many", "loss": "mse",
        "inputs": [[1, 0], [0, 1], [1, 1], [0.5, -1]],
        "targets": [[0.5], [-0.5], [0.8], [0]],
        "init": {"seed": 4},
        "lesson": [
            {"step": 0, "caption": "h_0: the state before anything was read, zeros.", "highlight": ["h"]},
            {"step": 1, "caption": "Step 1 mixes x_1 and h_0 through W_ih and W_hh, squashes with tanh: h_1.",
             "highlight": ["x", "h", "W"]},
            {"step": 2, "caption": "Step 2 uses the very same W_ih and W_hh: one set of weights, reused at "
                                   "every step.", "highlight": ["W"]},
            {"step": 4, "caption": "Unrolled over 4 steps, the RNN is a 4-layer network whose layers share "
                                   "their weights; each y_t = W_out h_t has its own loss.",
             "highlight": ["W", "y", "loss"]}]},
        open("samples/rnn-step.json", "w"), indent=1, ensure_ascii=False)


if __name__ == "__main__":
    lstm_gates()
    rnn_step()
    sentiment()
    tagging()
    captioning()
    translation()
    teacher_forcing()
