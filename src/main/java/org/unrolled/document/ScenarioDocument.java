package org.unrolled.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Parameters;
import org.unrolled.engine.Scenario;

/**
 * A scenario file as the user made it: the engine's numbers ({@link #scenario()}) and the words around
 * them (title, description, vocabulary), the task's examples and held-out sequences, the lesson and the
 * record of how the weights were trained. The reader makes one, the writer writes one, the window edits
 * and saves one, so that nothing the user made is dropped on the way. Immutable and validated: the
 * vocabulary fits the sizes, every example fits the network, every beat lies on the timeline.
 *
 * @param training how the weights were made (null when they were not trained, or changed since)
 */
public record ScenarioDocument(Scenario scenario, String title, String description, Vocabulary vocabulary,
        List<Example> examples, List<Example> heldOut, List<Beat> lesson, TrainingRecord training) {

    public ScenarioDocument {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        vocabulary = vocabulary == null ? Vocabulary.NONE : vocabulary;
        examples = examples == null ? List.of() : List.copyOf(examples);
        heldOut = heldOut == null ? List.of() : List.copyOf(heldOut);
        lesson = lesson == null ? List.of() : List.copyOf(lesson);
        require(vocabulary.inputs().isEmpty() || vocabulary.inputs().size() == scenario.inputSize(),
                "the input vocabulary has inputSize words");
        require(vocabulary.outputs().isEmpty() || vocabulary.outputs().size() == scenario.outputSize(),
                "the output vocabulary has outputSize words");
        int columns = scenario.columns();
        for (Beat b : lesson) {
            require(b.step() >= (b.backward() ? 1 : 0) && b.step() <= columns, "a lesson beat's step is off the timeline");
        }
        for (Example e : examples) {
            sequence(scenario, e); // each example must make a valid scenario with this network
        }
        for (Example e : heldOut) {
            sequence(scenario, e);
        }
    }

    /** A document with nothing but a title around {@code scenario}. */
    public static ScenarioDocument of(Scenario scenario, String title) {
        return new ScenarioDocument(scenario, title, "", Vocabulary.NONE, List.of(), List.of(), List.of(), null);
    }

    private static Scenario sequence(Scenario network, Example e) {
        return network.withSequence(e.inputs(), e.targetVectors(), e.targetClasses());
    }

    /** This document's network on one example's inputs and targets. */
    public Scenario withExample(Example e) {
        return sequence(scenario, e);
    }

    /** The training set: the examples, or the scenario's own sequence when it has none. */
    public List<Scenario> trainingSet() {
        if (examples.isEmpty()) {
            return List.of(scenario);
        }
        return examples.stream().map(this::withExample).toList();
    }

    /** The held-out set (examples never trained on), each as a scenario of its own; empty if there is none. */
    public List<Scenario> heldOutSet() {
        return heldOut.stream().map(this::withExample).toList();
    }

    public ScenarioDocument withTitle(String newTitle, String newDescription) {
        return new ScenarioDocument(scenario, newTitle, newDescription, vocabulary, examples, heldOut, lesson, training);
    }

    public ScenarioDocument withVocabulary(Vocabulary words) {
        return new ScenarioDocument(scenario, title, description, words, examples, heldOut, lesson, training);
    }

    public ScenarioDocument withExamples(List<Example> train, List<Example> held) {
        return new ScenarioDocument(scenario, title, description, vocabulary, train, held, lesson, training);
    }

    public ScenarioDocument withLesson(List<Beat> beats) {
        return new ScenarioDocument(scenario, title, description, vocabulary, examples, heldOut, beats, training);
    }

    public ScenarioDocument withTraining(TrainingRecord record) {
        return new ScenarioDocument(scenario, title, description, vocabulary, examples, heldOut, lesson, record);
    }

    /**
     * This document around {@code next}, an edit of its scenario (a what-if change), keeping what still
     * fits. The training record goes when the network differs (other weights, cell, activation, GRU
     * variant or mapping): it no longer describes them. A change of mapping or of the input or output size
     * drops the examples and the lesson (they were written for the old task), and the words of a size that
     * changed. A change of length moves the lesson's beats with it: for seq2seq the decoder's beats move
     * with the end of the encoder; beats past the new end are dropped.
     */
    public ScenarioDocument withScenario(Scenario next) {
        if (next == scenario) {
            return this;
        }
        Scenario was = scenario;
        TrainingRecord keptTraining = sameNetwork(was, next) ? training : null;
        boolean sameTask = was.mapping() == next.mapping() && was.inputSize() == next.inputSize()
                && was.outputSize() == next.outputSize();
        Vocabulary words = new Vocabulary(was.inputSize() == next.inputSize() ? vocabulary.inputs() : null,
                was.outputSize() == next.outputSize() ? vocabulary.outputs() : null);
        if (!sameTask) {
            return new ScenarioDocument(next, title, description, words, List.of(), List.of(), List.of(), keptTraining);
        }
        List<Example> train = fitting(next, examples);
        List<Example> held = fitting(next, heldOut);
        return new ScenarioDocument(next, title, description, words, train, held, beatsAfter(was, next, lesson),
                keptTraining);
    }

    /** The examples that still make a valid scenario with {@code network} (all of them, unless an edit broke one). */
    private static List<Example> fitting(Scenario network, List<Example> list) {
        List<Example> kept = new ArrayList<>();
        for (Example e : list) {
            try {
                sequence(network, e);
                kept.add(e);
            } catch (IllegalArgumentException doesNotFit) {
                // left out: the edit changed the network's shape under it
            }
        }
        return kept.size() == list.size() ? list : kept;
    }

    /** Whether {@code a} and {@code b} are the same network on the same task: cell, functions, mapping and weights. */
    private static boolean sameNetwork(Scenario a, Scenario b) {
        if (a.cell() != b.cell() || a.activation() != b.activation() || a.gruVariant() != b.gruVariant()
                || a.hiddenSize() != b.hiddenSize() || a.inputSize() != b.inputSize()
                || a.outputSize() != b.outputSize() || a.mapping() != b.mapping()) {
            return false;
        }
        return a.weights() == b.weights()
                || Arrays.equals(Parameters.flatten(a.weights()), Parameters.flatten(b.weights()));
    }

    /** The beats of {@code beats} on {@code next}'s timeline (same mapping as {@code was}; another length). */
    private static List<Beat> beatsAfter(Scenario was, Scenario next, List<Beat> beats) {
        if (was.inputCount() == next.inputCount() && was.targetCount() == next.targetCount()) {
            return beats;
        }
        boolean seq2seq = was.mapping() == Mapping.SEQ2SEQ;
        int shift = seq2seq ? next.inputCount() - was.inputCount() : 0;
        int columns = next.columns();
        List<Beat> kept = new ArrayList<>();
        for (Beat beat : beats) {
            boolean decoder = seq2seq && beat.step() > was.inputCount();
            int step = decoder ? beat.step() + shift : beat.step();
            boolean encoderStepGone = seq2seq && !decoder && step > next.inputCount();
            if (step <= columns && !encoderStepGone) {
                kept.add(beat.atStep(step));
            }
        }
        return kept;
    }

    /**
     * Inserts a lesson beat at {@code index} (0 to the number of beats).
     *
     * @throws IllegalArgumentException for a step off the unrolled picture
     */
    public ScenarioDocument withBeat(int index, Beat beat) {
        int columns = scenario.columns();
        if (beat.step() < (beat.backward() ? 1 : 0) || beat.step() > columns) {
            throw new IllegalArgumentException("a beat's step is between " + (beat.backward() ? 1 : 0) + " and " + columns);
        }
        List<Beat> beats = new ArrayList<>(lesson);
        beats.add(index, beat);
        return withLesson(beats);
    }

    /** Removes lesson beat {@code index}. */
    public ScenarioDocument withoutBeat(int index) {
        if (index < 0 || index >= lesson.size()) {
            throw new IllegalArgumentException("there is no beat " + (index + 1));
        }
        List<Beat> beats = new ArrayList<>(lesson);
        beats.remove(index);
        return withLesson(beats);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
