#!/usr/bin/env python3
"""Adds the lesson questions (issue 17) to the shipped samples: run from the repository root after
train-all.sh and hand_lessons.py, which rewrite the lessons. A question names how its answer is computed
from the trace (docs/scenario-fields.md, `question`), never the answer itself: QuestionsTest checks that
each one has exactly one right choice on the sample's numbers and after what-if edits.
The lstm-vs-gru-*.json samples are left to the lesson that replaces them."""
import json


def edit(name, questions, extra_beats=()):
    """Sets the questions of the beats (by index) and appends the extra beats, changing only those parts of
    the file's text: the numbers keep the layout their writer gave them."""
    path = "samples/" + name
    with open(path) as f:
        text = f.read()
    s = json.loads(text)
    if "lesson" not in s:
        text = text.rstrip()[:-1].rstrip() + ',\n  "lesson": []\n}\n'
    lesson = json.loads(text)["lesson"]
    for b in extra_beats:
        if b not in [{k: v for k, v in x.items() if k != "question"} for x in lesson]:
            start, end = array_span(text, "lesson")
            sep = ",\n    " if lesson else "\n    "
            text = text[:end].rstrip() + sep + json.dumps(b, ensure_ascii=False) + "\n  " + text[end:]
            lesson.append(b)
    for index, q in questions.items():
        start, end = beat_span(text, index)
        beat = json.loads(text[start:end])
        if beat.get("question") == q:
            continue
        if "question" in beat:
            raise SystemExit(name + ": beat " + str(index) + " already has another question; rerun hand_lessons.py first")
        close = end - 1  # the beat's closing brace: the question goes just before it, on its own line
        body = text[start + 1:close].rstrip()
        line = text[:close].rstrip().rsplit("\n", 1)[-1]
        indent = line[:len(line) - len(line.lstrip())] if "\n" in text[start:close] else ""
        text = (text[:start + 1] + body + ",\n" + indent + '"question": ' + json.dumps(q, ensure_ascii=False)
                + text[start + 1 + len(text[start + 1:close].rstrip()):])
    json.loads(text)  # still a JSON file
    with open(path, "w") as f:
        f.write(text)


def matching(text, i):
    """The index just past the bracket that closes the one at i, skipping strings."""
    depth, k, in_string = 0, i, False
    while True:
        ch = text[k]
        if in_string:
            if ch == "\\":
                k += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1


def array_span(text, field):
    """(start, end) of the top-level array field's brackets: end is the index of its closing bracket."""
    i = text.index('"%s"' % field)
    start = text.index("[", i)
    return start, matching(text, start) - 1


def beat_span(text, index):
    start, _ = array_span(text, "lesson")
    k = start + 1
    for _ in range(index + 1):
        k = text.index("{", k)
        begin = k
        k = matching(text, k)
    return begin, k


def ratio(prompt, first, second):
    return {"prompt": prompt, "ask": "ratio", "of": [first, second]}


def rho(prompt, to, of):
    return {"prompt": prompt, "ask": "rho", "to": to, "of": of}


def value(prompt, of, cuts):
    return {"prompt": prompt, "ask": "value", "of": of, "cuts": cuts}


def gate(prompt, name, at):
    return {"prompt": prompt, "ask": "gate", "gate": name, "at": at}


def output(prompt, of):
    return {"prompt": prompt, "ask": "output", "of": of}


def race(prompt, task, length, networks, seed=1, sequences=1000):
    return {"prompt": prompt, "ask": "race", "task": task, "length": length, "networks": networks, "seed": seed,
            "sequences": sequences}


def choice(text, check):
    return {"text": text, "check": check}


def written(prompt, *choices):
    return {"prompt": prompt, "ask": "choices", "choices": list(choices)}


edit("rnn-vanishing.json", {
    2: rho("If ρ(W_hh) were dragged from 0.5 to 1.5, what would happen to ‖∂L/∂h_1‖?", 1.5, "norm(dL_dh[1])"),
    3: ratio("BPTT has reached t = 1. How does ‖∂L/∂h_1‖ compare with ‖∂L/∂h_30‖?",
             "norm(dL_dh[1])", "norm(dL_dh[30])")})
edit("rnn-exploding.json", {
    3: ratio("BPTT has reached t = 1. How does ‖∂L/∂h_1‖ compare with ‖∂L/∂h_30‖?",
             "norm(dL_dh[1])", "norm(dL_dh[30])")})
edit("lstm-highway.json", {
    3: ratio("Along the cell state, from t = 30 back to t = 1: how does ‖∂L/∂c_1‖ compare with ‖∂L/∂c_30‖?",
             "norm(dL_dc[1])", "norm(dL_dc[30])")})
edit("teacher-forcing.json", {
    1: written("With teacher forcing, what does step 2 read as its input x_2?",
               choice("the target of step 1", {"check": "value", "of": "x[2][0]", "near": -0.08, "within": 0.005}),
               choice("the model's own output y_1",
                      {"check": "ratio", "of": ["x[2][0]", "y[1][0]"], "near": 1, "within": 0.01}),
               choice("zero", {"check": "value", "of": "x[2][0]", "near": 0, "within": 0.005}))})
edit("sentiment.json", {
    2: output("\"not very good\": what does the only output, y_3, say?", "y[3]")})
edit("tagging.json", {
    1: output("\"cats fish\": which tag does the tagger give \"fish\"?", "y[3]")})
edit("captioning.json", {
    2: output("Step 3 reads \"dog\". Which word does it write?", "y[3]")})
edit("translation.json", {
    1: output("The context C starts the decoder. Which French word comes out first?", "y[1]")})
edit("lstm-gates.json", {
    3: gate("erase: where is the forget gate f_5?", "f", 5)})
edit("rnn-step.json", {
    1: value("Before step 1 is computed: where will h_1[0] lie?", "h[1][0]", [-0.5, 0, 0.5])})
edit("one-to-one.json", {
    1: output("Which class does the single output y_1 pick?", "y[1]")})

# The samples without a lesson get one beat, so that they too ask something; every sentence is backed by
# a check like the other lessons' (LessonChecksTest).
edit("default.json", {0: value("Before step 1 is computed: where will h_1[0] lie?", "h[1][0]", [-0.5, 0, 0.5])},
     extra_beats=[
    {"step": 1,
     "caption": "Step 1 reads x_1 and the zero state h_0 and writes h_1[0] = −0.11.",
     "highlight": ["x", "h"],
     "checks": [
         {"claim": "the zero state h_0", "check": "value", "of": "norm(h[0])", "below": 1e-12},
         {"claim": "writes h_1[0] = −0.11", "check": "value", "of": "h[1][0]", "near": -0.108, "within": 0.005}]}])
edit("lstm-wave-trained.json", {0: value("Trained: where will the second output y_10[1] lie?", "y[10][1]",
                                         [-0.5, 0, 0.5])}, extra_beats=[
    {"step": 10,
     "caption": "Trained, the outputs follow the next values of the two waves: y_10 = (−0.28, 0.96).",
     "highlight": ["y", "target"],
     "checks": [
         {"claim": "the outputs follow the next values of the two waves", "check": "value", "of": "loss",
          "below": 0.001},
         {"claim": "y_10 = (−0.28, 0.96)", "check": "all", "of": [
             {"check": "value", "of": "y[10][0]", "near": -0.278, "within": 0.005},
             {"check": "value", "of": "y[10][1]", "near": 0.960, "within": 0.005}]}]}])
edit("gru-seq2seq.json", {0: value("Before the decoder's first step: is y_1[0] negative or positive?", "y[1][0]",
                                   [0])}, extra_beats=[
    {"step": 6,
     "caption": "The context C is the encoder's last state h_5, and the decoder starts from it: its first output is "
                "y_1[0] = 0.29.",
     "highlight": ["context", "y"],
     "checks": [
         {"claim": "The context C is the encoder's last state h_5", "check": "ratio",
          "of": ["mean(C)", "mean(enc.h[5])"], "near": 1, "within": 1e-9},
         {"claim": "its first output is y_1[0] = 0.29", "check": "value", "of": "y[1][0]", "near": 0.291,
          "within": 0.005}]}])
# The race samples (tools/lessons/race-samples.sh): the key moment is the backward beat at the first marker
# or symbol, beat 4 of each lesson.
for cell in ("rnn", "lstm", "gru"):
    state = "c" if cell == "lstm" else "h"
    edit("adding-" + cell + ".json", {3: ratio(
        "BPTT has reached the first marker, 98 steps back. How does ‖∂L/∂" + state + "_2‖ compare with ‖∂L/∂"
        + state + "_100‖?", "norm(dL_d" + state + "[2])", "norm(dL_d" + state + "[100])")})
    edit("order-" + cell + ".json", {3: ratio(
        "BPTT has reached the first symbol, 41 steps back. How does ‖∂L/∂" + state + "_9‖ compare with ‖∂L/∂"
        + state + "_50‖?", "norm(dL_d" + state + "[9])", "norm(dL_d" + state + "[50])")})
# ... and the race itself at the answer step (beat 3, asked one step before it): which network wins on the race's
# held-out sequences, this one raced against its two rivals, always in the order RNN, LSTM, GRU.
for cell in ("rnn", "lstm", "gru"):
    for task, length, how in (("adding", 100, "which network has the lowest RMSE?"),
                              ("order", 50, "which network gets the most right (on a tie, the lower mean"
                                            " cross-entropy wins)?")):
        networks = ["this" if c == cell else task + "-" + c + ".json" for c in ("rnn", "lstm", "gru")]
        edit(task + "-" + cell + ".json", {2: race(
            "The race at T = %d, on its 1,000 held-out sequences (never trained on): %s" % (length, how),
            task, length, networks)})
