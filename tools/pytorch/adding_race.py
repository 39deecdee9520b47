#!/usr/bin/env python3
"""The adding problem with PyTorch on the CPU, the recipe of issue 16, to compare with `unrolled race`.

float32, batch 32, Adam lr 0.01, gradient norm clipped to 1, forget-gate bias 1 (bias_ih's f block 1,
bias_hh's 0: the summed bias is 1, as in Unrolled), 1,000 held-out sequences scored every 1,600
training sequences. Stops at held-out RMSE <= --until or after --max-sequences. Prints the training
time (evaluation excluded, as `unrolled race` reports it) and the wall time (evaluation included).

    /usr/bin/python3 tools/pytorch/adding_race.py --cell lstm --length 100 --threads 2 --seed 1
"""
import argparse
import time

import torch


def draw(gen, n, length):
    """n sequences: x (n, T, 2) = (value in [0, 1), marker), one marker in each half; y = the marked sum."""
    values = torch.rand(n, length, generator=gen)
    half = length // 2
    first = torch.randint(0, half, (n,), generator=gen)
    second = torch.randint(half, length, (n,), generator=gen)
    markers = torch.zeros(n, length)
    rows = torch.arange(n)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    x = torch.stack([values, markers], dim=2)
    y = (values[rows, first] + values[rows, second]).unsqueeze(1)
    return x, y


class Net(torch.nn.Module):
    def __init__(self, cell, hidden, gate_bias):
        super().__init__()
        kind = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[cell]
        self.rnn = kind(2, hidden, batch_first=True)
        self.out = torch.nn.Linear(hidden, 1)
        if cell in ("lstm", "gru"):
            block = 1  # LSTM i f g o: f;  GRU r z n: z
            with torch.no_grad():
                self.rnn.bias_ih_l0[block * hidden:(block + 1) * hidden] = gate_bias
                self.rnn.bias_hh_l0[block * hidden:(block + 1) * hidden] = 0.0

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.out(h[:, -1, :])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cell", default="lstm")
    p.add_argument("--length", type=int, default=100)
    p.add_argument("--hidden", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--until", type=float, default=0.05)
    p.add_argument("--max-sequences", type=int, default=200000)
    p.add_argument("--eval-every", type=int, default=1600)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    held_gen = torch.Generator().manual_seed(a.seed + 1000)
    hx, hy = draw(held_gen, 1000, a.length)
    net = Net(a.cell, a.hidden, 1.0)
    params = sum(p.numel() for p in net.parameters())
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    loss_fn = torch.nn.MSELoss()
    seen = 0
    train_s = 0.0
    start = time.perf_counter()
    print(f"torch {torch.__version__}, {a.cell} H={a.hidden} ({params} parameters), T={a.length}, "
          f"{torch.get_num_threads()} threads", flush=True)
    while seen < a.max_sequences:
        t0 = time.perf_counter()
        x, y = draw(gen, 32, a.length)
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        seen += 32
        train_s += time.perf_counter() - t0
        if seen % a.eval_every == 0:
            with torch.no_grad():
                rmse = torch.sqrt(torch.mean((net(hx) - hy) ** 2)).item()
            wall = time.perf_counter() - start
            print(f"{seen} sequences  held-out RMSE {rmse:.4f}  training {train_s:.1f} s  wall {wall:.1f} s",
                  flush=True)
            if rmse <= a.until:
                print(f"reached RMSE <= {a.until} after {seen} sequences: training {train_s:.1f} s, wall {wall:.1f} s")
                return
    print(f"did not reach RMSE <= {a.until} in {seen} sequences")


if __name__ == "__main__":
    main()
