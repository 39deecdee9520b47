package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What an explanation shown to the class calls a quantity: the lecture's notation, not the file format's. */
class QuantityDisplayTest {
    private static String shown(String q) {
        return Quantity.parse(q).display();
    }

    @Test
    void gradientsNormsStatesAndLossesReadAsOnTheBoard() {
        assertEquals("‖∂L/∂h_1‖", shown("norm(dL_dh[1])"));
        assertEquals("‖∂L/∂h_T‖", shown("norm(dL_dh[T])"));
        assertEquals("‖∂L/∂c_4‖", shown("norm(dL_dc[4])"));
        assertEquals("∂L/∂h_3[1] from step 4", shown("dL_dh_next[3][1]"));
        assertEquals("‖∂L/∂h_t‖ from step t+1", shown("norm(dL_dh_next[t])"));
        assertEquals("‖∂L/∂c_T-1‖ from step T", shown("norm(dL_dc_next[T-1])"));
        assertEquals("‖∂L/∂h_30‖ from its own output", shown("norm(dL_dh_out[30])"));
        assertEquals("h_2[0]", shown("h[2][0]"));
        assertEquals("encoder's h_4[1]", shown("enc.h[4][1]"));
        assertEquals("mean(f_2)", shown("mean(f[2])"));
        assertEquals("max|h_5|", shown("maxabs(h[5])"));
        assertEquals("ℓ_3", shown("loss[3]"));
        assertEquals("L", shown("loss"));
        assertEquals("C[2]", shown("C[2]"));
    }
}
