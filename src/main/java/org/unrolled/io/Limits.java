package org.unrolled.io;

/**
 * Sizes the program accepts, so that a typo such as a hidden size of 10^9 is a clear message rather
 * than an out-of-memory crash. Documented in the README.
 */
public final class Limits {
    /** Largest input, hidden or output size. */
    public static final int MAX_LAYER_SIZE = 1024;
    /** Longest sequence (inputs or targets). */
    public static final int MAX_SEQUENCE_LENGTH = 100_000;
    /** Most training examples in a scenario's {@code examples}. */
    public static final int MAX_EXAMPLES = 10_000;
    /** Most beats in a scenario's {@code lesson}. */
    public static final int MAX_BEATS = 500;
    /** Longest title, in characters: a line, as a person writes one. */
    public static final int MAX_TITLE_CHARS = 200;
    /** Longest description, in characters (a few paragraphs; {@code train} adds a sentence to it). */
    public static final int MAX_DESCRIPTION_CHARS = 10_000;
    /** Longest lesson caption, in characters. */
    public static final int MAX_CAPTION_CHARS = 2_000;
    /** Longest name of an example, in characters. */
    public static final int MAX_NAME_CHARS = 200;
    /** Most input vectors of all the examples together (each example is also bounded like the inputs). */
    public static final long MAX_EXAMPLE_VECTORS = 1_000_000;
    /**
     * Memory the parsed document may need, estimated from its values before the tree is built: a
     * 200 MB file of small numbers would otherwise become a tree of several GB.
     */
    public static final long MAX_TREE_BYTES = 1024L * 1024 * 1024;
    /** Largest scenario file read. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Memory a trace may need: every state, gate and gradient of every step is kept. */
    public static final long MAX_TRACE_BYTES = 1024L * 1024 * 1024;
    /**
     * Multiply-adds a trace may take, forward and back: 10 billion is a few seconds on one core. An LSTM
     * with a hidden size of 1024 and 5,000 steps fitted in memory but took two and a half minutes.
     */
    public static final long MAX_TRACE_WORK = 10_000_000_000L;
    /**
     * Multiply-adds a lesson's checks and questions may take to evaluate (the window and the handout work
     * them all out): the engine runs of its ablations, and its races counted at their own limit each. A
     * lesson of 500 races, or one ablation at each of 100,000 steps, would have taken hours.
     */
    public static final double MAX_LESSON_WORK = 4e10;

    private Limits() {
    }

    /** Steps a trace records: aligned inputs and targets share their steps; otherwise they follow each other. */
    public static long recordedSteps(org.unrolled.engine.Mapping mapping, int inputs, int targets) {
        return mapping == org.unrolled.engine.Mapping.MANY_TO_MANY ? inputs : (long) inputs + targets;
    }

    /**
     * Multiply-adds a trace of this shape takes, about: per step the G·H × (I + H) weights once forward and twice
     * back (the state's gradient and the weights' gradients), and the output layer's O × H three times.
     */
    public static long traceWork(int gateCount, int inputSize, int hiddenSize, int outputSize, long steps) {
        long perStep = 3L * gateCount * hiddenSize * ((long) inputSize + hiddenSize) + 3L * outputSize * hiddenSize;
        return perStep * steps;
    }

    /**
     * Why a trace of this shape is too large to compute ({@code what}: "this scenario's trace", "this example's
     * trace"), or null when it fits: more memory than {@link #MAX_TRACE_BYTES} or more work than
     * {@link #MAX_TRACE_WORK}. The scenario and each training example are checked alike.
     */
    public static String tooLarge(String what, int gateCount, int inputSize, int hiddenSize, int outputSize, long steps) {
        String shape = " (hidden size " + hiddenSize + ", " + steps + " steps)";
        long bytes = traceBytes(gateCount, inputSize, hiddenSize, outputSize, steps);
        if (bytes > MAX_TRACE_BYTES) {
            return what + " would need about " + bytes / (1024 * 1024) + " MB" + shape + "; the limit is "
                    + MAX_TRACE_BYTES / (1024 * 1024) + " MB: shorten the sequence or the hidden size";
        }
        long work = traceWork(gateCount, inputSize, hiddenSize, outputSize, steps);
        if (work > MAX_TRACE_WORK) {
            return String.format(java.util.Locale.ROOT, "%s would take about %.1f billion multiply-adds%s; the limit is %d"
                    + " billion (a few seconds of work): shorten the sequence or the hidden size", what, work / 1e9, shape,
                    MAX_TRACE_WORK / 1_000_000_000L);
        }
        return null;
    }

    /**
     * Bytes a trace of this shape holds, at most: per step the input, the pre-activations, gates and
     * their gradients (G·H each, twice for a GRU's hidden side), about eight H-sized state and gradient
     * rows, and three O-sized output rows (an upper bound: {@code TraceMemoryTest}).
     */
    public static long traceBytes(int gateCount, int inputSize, int hiddenSize, int outputSize, long steps) {
        long perStep = inputSize + 4L * gateCount * hiddenSize + 8L * hiddenSize + 3L * outputSize;
        return 8L * perStep * steps;
    }
}
