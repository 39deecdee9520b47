package org.unrolled.document;

import java.util.List;

/**
 * Words for the components of one-hot inputs and outputs (a project field, not in the spec): with
 * {@code inputs = ["good", "bad"]}, the input vector {@code [0, 1]} reads "bad". Either list may be empty.
 */
public record Vocabulary(List<String> inputs, List<String> outputs) {
    public static final Vocabulary NONE = new Vocabulary(List.of(), List.of());

    public Vocabulary {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public boolean isEmpty() {
        return inputs.isEmpty() && outputs.isEmpty();
    }

    /** The word of a one-hot input vector, or null when there is no input vocabulary or {@code x} is not one-hot. */
    public String inputWord(double[] x) {
        int k = oneHotIndex(x);
        return k < 0 || k >= inputs.size() ? null : inputs.get(k);
    }

    /** The word of output class {@code k}, or null without an output vocabulary. */
    public String outputWord(int k) {
        return outputs.isEmpty() || k < 0 || k >= outputs.size() ? null : outputs.get(k);
    }

    /** The index of the single 1 in a vector of 0s and one 1, or −1. */
    public static int oneHotIndex(double[] x) {
        if (x == null) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 1) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            } else if (x[i] != 0) {
                return -1;
            }
        }
        return found;
    }
}
