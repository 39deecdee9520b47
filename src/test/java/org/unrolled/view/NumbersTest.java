package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How numbers are printed on the canvas and in captions, written out by hand. */
class NumbersTest {
    private static void check() {
        assertEquals(".39", Numbers.compact(0.3912));
        assertEquals("−.05", Numbers.compact(-0.049));
        assertEquals("0", Numbers.compact(0.004));
        assertEquals("1.2", Numbers.compact(1.24));
        assertEquals("−12", Numbers.compact(-12.4));
        assertEquals("3e4", Numbers.compact(31_000));
        assertEquals("∞", Numbers.compact(Double.POSITIVE_INFINITY));
        assertEquals("0.39", Numbers.format(0.3912));
        assertEquals("−1.25", Numbers.format(-1.2512));
        assertEquals("12.5", Numbers.format(12.54));
        assertEquals("3.1e−5", Numbers.format(3.1e-5));
        assertEquals("1.2e5", Numbers.format(123_456));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("−∞", Numbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void numbersArePrintedShort() {
        check();
    }
}
