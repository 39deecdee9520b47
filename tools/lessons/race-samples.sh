#!/usr/bin/env bash
# Remakes the race samples (samples/adding-*.json, samples/order-*.json): each race is deterministic,
# so the weights come out bit for bit the same whatever the machine or the number of threads; the
# seconds in the descriptions and histories are this machine's. Then RaceSampleMaker adds the lesson
# beats, whose numbers it reads from the trace and the training history (RaceSamplesTest checks them),
# each with checks that back every sentence (LessonChecksTest evaluates them).
# Run from the repository root after `mvn -B package -DskipTests` (and `mvn -B test-compile`).
set -euo pipefail
jar=target/unrolled.jar
tmp=$(mktemp -d)
java -jar "$jar" race --task adding --length 100 --cells rnn,lstm,gru --hidden 32 --seed 1 --batch 32 \
  --optimizer adam --lr 0.01 --clip 1 --gate-bias 1 --held-out 1000 --eval-every 1600 --until 0.05 \
  --max-sequences 200000 --out "$tmp/adding"
java -jar "$jar" race --task order --length 50 --cells rnn,lstm,gru --hidden 16 --seed 1 --batch 32 \
  --optimizer adam --lr 0.01 --clip 1 --gate-bias 1 --held-out 1000 --eval-every 1600 --until 0.99 \
  --max-sequences 100000 --out "$tmp/order"
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
for task in adding order; do
  java -cp "target/test-classes:target/classes:$cp" org.unrolled.engine.train.RaceSampleMaker "$task" "$tmp/$task" samples
done
# the questions (issue 17): the key moment's gradient ratio and the race itself, as in the other samples
python3 tools/lessons/questions.py
