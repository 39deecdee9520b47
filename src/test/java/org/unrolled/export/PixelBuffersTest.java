package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class PixelBuffersTest {
    @Test
    void aBufferGivenBackIsTakenAgainOnlyAtItsOwnLength() {
        // a length no export uses, so that buffers kept by other tests in this JVM cannot answer
        int[] first = PixelBuffers.take(12_345);
        assertEquals(12_345, first.length);
        PixelBuffers.giveBack(List.of(first));
        int[] other = PixelBuffers.take(777);
        assertEquals(777, other.length, "a kept buffer of another length is not handed out");
        PixelBuffers.giveBack(List.of(first));
        assertSame(first, PixelBuffers.take(12_345), "the buffer given back is reused");
        assertNotSame(first, PixelBuffers.take(12_345), "and handed out once, not to two exports");
    }
}
