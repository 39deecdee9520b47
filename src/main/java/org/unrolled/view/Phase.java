package org.unrolled.view;

/**
 * Which pass of a {@link StepSchedule} is shown: the forward pass, the backward pass (BPTT), or both
 * one after the other. The window's playback and every export (and {@code --phase}) use this one type.
 */
public enum Phase {
    BOTH, FORWARD, BACKWARD
}
