package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text for pdflatex: the letters of Western European languages and the signs of mathematics as TeX writes them. */
class LatexTest {
    private static final String WORDS = "Größe café naïve Ærø œuvre garçon Łódź řeka señor ½ ¼ € § © ° µ « » ¿ ¡";
    private static final String MATHS = "∑ √ ∈ ∉ ∀ ∃ ∇ ∫ ⊗ ≪ ∝ ≡ ⇒ ∅ γ Δ Γ Ω ψ ε φ ς";

    @Test
    void westernLettersAndMathsAreWrittenAsTexNotAsNames() {
        assertEquals("Gr\\\"o\\ss{}e", Latex.escape("Größe"));
        assertEquals("na\\\"{\\i}ve", Latex.escape("naïve"), "an accent on i goes on the dotless i");
        assertEquals("\\v{r}eka", Latex.escape("řeka"));
        assertEquals("caf\\'e", Latex.escape("cafe\u0301"), "an accent saved apart from its letter, as macOS saves é");
        assertEquals("gar\\c{c}on", Latex.escape("garçon"));
        assertEquals("\\ensuremath{\\gamma}\\ensuremath{\\Delta}", Latex.escape("γΔ"));
        assertTrue(Latex.unwritable(WORDS + " " + MATHS).isEmpty(), Latex.unwritable(WORDS + " " + MATHS).toString());
        assertFalse(Latex.escape(WORDS + MATHS).chars().anyMatch(c -> c > 127), "nothing pdflatex cannot read");
    }

    @Test
    void whatPdflatexCannotWriteIsNamedAndListed() {
        assertEquals("[cjk unified ideographs 4e2d]", Latex.escape("中").toLowerCase(java.util.Locale.ROOT).replace("-", " "));
        assertEquals(2, Latex.unwritable("中文 and α").size(), "the two CJK characters, not α");
    }

    @Test
    void itCompilesAndReadsBackAsTheSameWords(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FormatExportTest.onPath("pdflatex"), "pdflatex is not installed: escaped, not compiled");
        String tex = "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{amssymb}\n"
                + "\\begin{document}\n" + Latex.escape(WORDS) + "\\par\n" + Latex.escape(MATHS) + "\n\\end{document}\n";
        Files.writeString(dir.resolve("t.tex"), tex);
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "t.tex").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("latex.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex finished");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("latex.log")));
        String log = Files.readString(dir.resolve("t.log"));
        assertFalse(log.contains("Missing character"), "every character has a glyph: " + log);
        try (PDDocument doc = Loader.loadPDF(dir.resolve("t.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            for (String word : new String[] {"Größe", "café", "naïve", "garçon", "señor", "œuvre"}) {
                assertTrue(text.contains(word), word + " in " + text);
            }
        }
    }
}
