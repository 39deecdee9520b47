package org.unrolled.view;

/** A number on the canvas: the vector it belongs to, its index, and where it was drawn. */
public record Hit(VectorRef ref, int index, Rect area) {
}
