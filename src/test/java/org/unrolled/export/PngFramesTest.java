package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The export's PNG writer, read back by the JDK's own PNG reader, and its halves put together on two threads. */
class PngFramesTest {
    /** Flat colour with a few edges, like a drawn frame; {@code noise} of the pixels random (incompressible). */
    private static int[] picture(int w, int h, double noise, long seed) {
        Random r = new Random(seed);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int flat = (x * 7 / Math.max(1, w)) * 0x203040 + (y * 5 / Math.max(1, h)) * 0x101010 + 0x808080;
                px[y * w + x] = r.nextDouble() < noise ? r.nextInt() : flat | 0xff000000;
            }
        }
        return px;
    }

    private static void assertDecodesTo(int[] px, int w, int h, byte[] png) throws Exception {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(w, back.getWidth());
        assertEquals(h, back.getHeight());
        int[] decoded = back.getRGB(0, 0, w, h, null, 0, w);
        for (int k = 0; k < px.length; k++) {
            // opaque: the top byte of the input is ignored, and the file holds RGB
            assertEquals(px[k] | 0xff000000, decoded[k], w + "×" + h + ", pixel " + k);
        }
    }

    @Test
    void everyShapeReadsBackAsTheSamePixels() throws Exception {
        int[][] shapes = {{1, 1}, {3, 1}, {1, 3}, {2, 2}, {7, 5}, {480, 270}, {2000, 41}, {5, 9000}};
        for (int[] s : shapes) {
            for (double noise : new double[] {0, 0.02, 1}) {
                int[] px = picture(s[0], s[1], noise, 11L * s[0] + s[1]);
                assertDecodesTo(px, s[0], s[1], PngFrames.encode(px, s[0], s[1]));
            }
        }
    }

    @Test
    void theChunksAreSignatureHeaderImageDataAndEndWithTheirChecksums() {
        int[] px = picture(64, 48, 0.1, 3);
        ByteBuffer b = ByteBuffer.wrap(PngFrames.encode(px, 64, 48));
        byte[] signature = new byte[8];
        b.get(signature);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature);
        List<String> types = new ArrayList<>();
        while (b.hasRemaining()) {
            int length = b.getInt();
            byte[] typeAndData = new byte[4 + length];
            b.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            assertEquals((int) crc.getValue(), b.getInt(), type + "'s CRC");
            if (type.equals("IHDR")) {
                ByteBuffer h = ByteBuffer.wrap(typeAndData, 4, length);
                assertEquals(64, h.getInt());
                assertEquals(48, h.getInt());
                assertArrayEquals(new byte[] {8, 2, 0, 0, 0}, new byte[] {h.get(), h.get(), h.get(), h.get(), h.get()});
            }
            types.add(type);
        }
        assertEquals(List.of("IHDR", "IDAT", "IEND"), types);
    }

    @Test
    void twoChecksumsCombineIntoTheChecksumOfBothRuns() {
        Random r = new Random(5);
        int[] lengths = {0, 1, 100, 65520, 65521, 65522, 200_000, 1_000_003};
        for (int first : lengths) {
            for (int second : lengths) {
                byte[] a = new byte[first];
                byte[] b = new byte[second];
                r.nextBytes(a);
                r.nextBytes(b);
                Adler32 whole = new Adler32();
                whole.update(a);
                whole.update(b);
                Adler32 left = new Adler32();
                left.update(a);
                Adler32 right = new Adler32();
                right.update(b);
                assertEquals(whole.getValue(), PngFrames.combine(left.getValue(), right.getValue(), second),
                        first + " then " + second + " bytes");
            }
        }
    }

    @Test
    void halvesCompressedOnTwoThreadsGiveTheBytesOfOne() throws Exception {
        int[] px = picture(1920, 1080, 0.001, 9);
        byte[] one = PngFrames.encode(px, 1920, 1080);
        CompletableFuture<PngFrames.Half> lower = CompletableFuture.supplyAsync(() -> PngFrames.lower(px, 1920, 1080));
        PngFrames.Half upper = PngFrames.upper(px, 1920, 1080);
        assertArrayEquals(one, PngFrames.join(1920, 1080, upper, lower.get()));
        assertDecodesTo(px, 1920, 1080, one);
    }

    @Test
    void theLowerHalfLeansOnTheUpperOne() {
        // a frame whose lower half repeats its upper half: with the upper rows as its dictionary the lower half
        // compresses to far less than alone (the dictionary is really used, and so must be the decoder's)
        int w = 300;
        int h = 40;
        int[] px = new int[w * h];
        int[] top = picture(w, h / 2, 1, 1);
        System.arraycopy(top, 0, px, 0, top.length);
        System.arraycopy(top, top.length - w * 10, px, top.length, w * 10);
        System.arraycopy(top, top.length - w * 10, px, top.length + w * 10, w * 10);
        PngFrames.Half lower = PngFrames.lower(px, w, h);
        PngFrames.Half upper = PngFrames.upper(px, w, h);
        assertTrue(lower.deflated().length * 4 < upper.deflated().length,
                lower.deflated().length + " bytes below against " + upper.deflated().length + " above");
    }

    @Test
    void aPictureThatDoesNotFitItsSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PngFrames.encode(new int[10], 4, 3));
        assertThrows(IllegalArgumentException.class, () -> PngFrames.encode(new int[10], 0, 3));
    }

    @Test
    void theLastFramesLowerHalfIsTakenByOneHelperOnlyAndTheIdleWorkRunsOnce() throws Exception {
        int[] px = picture(320, 180, 0.01, 4);
        LastFrameHalves last = new LastFrameHalves(320, 180);
        AtomicInteger idle = new AtomicInteger();
        List<Thread> helpers = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Thread t = new Thread(() -> last.help(idle::incrementAndGet, () -> false));
            t.start();
            helpers.add(t);
        }
        // the helpers wait for the frame to be drawn (the first after the idle work)
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while (helpers.stream().anyMatch(t -> t.getState() != Thread.State.TIMED_WAITING) && System.nanoTime() < waitUntil) {
            Thread.sleep(1);
        }
        last.offer(px);
        PngFrames.Half upper = PngFrames.upper(px, 320, 180);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!last.helperBegan() && System.nanoTime() < deadline) {
            Thread.sleep(1); // so that the lower half is surely a helper's, not compressed here
        }
        assertTrue(last.helperBegan(), "no helper took the lower half");
        byte[] png = PngFrames.join(320, 180, upper, last.lower());
        assertTrue(last.helperCompressed(), "the lower half was compressed again by the drawing lane");
        last.close();
        for (Thread t : helpers) {
            t.join(5000);
            assertTrue(!t.isAlive(), "a helper still waits");
        }
        assertEquals(1, idle.get());
        assertArrayEquals(PngFrames.encode(px, 320, 180), png);
    }

    @Test
    void helpersStopWaitingWhenTheLastFrameIsNeverOffered() throws Exception {
        LastFrameHalves last = new LastFrameHalves(8, 8);
        Thread helper = new Thread(() -> last.help(() -> { }, () -> false));
        helper.start();
        last.close(); // the drawing lane failed or was cancelled
        helper.join(5000);
        assertTrue(!helper.isAlive());
        AtomicInteger stopAsked = new AtomicInteger();
        LastFrameHalves stopped = new LastFrameHalves(8, 8);
        Thread another = new Thread(() -> stopped.help(() -> { }, () -> stopAsked.incrementAndGet() > 2));
        another.start();
        another.join(5000);
        assertTrue(!another.isAlive(), "a helper told to stop still waits");
    }

    @Test
    void withNoHelperTheDrawingLaneCompressesBothHalves() {
        int[] px = picture(100, 60, 0.05, 8);
        LastFrameHalves last = new LastFrameHalves(100, 60);
        byte[] png = last.encode(px);
        assertTrue(!last.helperBegan());
        assertArrayEquals(PngFrames.encode(px, 100, 60), png);
        AtomicInteger idle = new AtomicInteger();
        last.help(idle::incrementAndGet, () -> false); // a lane that comes late finds nothing to take
        assertEquals(1, idle.get());
    }
}
