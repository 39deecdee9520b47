package org.unrolled.document;

import org.unrolled.engine.Matrix;

/**
 * One training example of a task (a project field, not in the spec): its own inputs and targets for
 * the scenario's network. Targets are vectors for mse and class indices for cross-entropy; the other
 * is null. {@link Scenario#withExample} turns it into a scenario of its own.
 */
public record Example(String name, Matrix inputs, Matrix targetVectors, int[] targetClasses) {
    public Example {
        name = name == null ? "" : name;
        targetClasses = targetClasses == null ? null : targetClasses.clone();
    }

    @Override
    public int[] targetClasses() {
        return targetClasses == null ? null : targetClasses.clone();
    }
}
