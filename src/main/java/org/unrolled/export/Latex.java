package org.unrolled.export;

import java.util.Map;

/**
 * Text for pdflatex: the TeX specials escaped, and the symbols the captions use (Greek letters,
 * ∂, ‖, ᵀ, sub- and superscript digits, dashes) written as TeX commands, so that the file compiles with
 * a plain TeX Live and shows the same words. A character outside that list is written as its Unicode
 * name in brackets rather than dropped or left to break the build.
 */
final class Latex {
    private static final Map<Character, String> SYMBOLS = Map.ofEntries(
            Map.entry('·', "\\ensuremath{\\cdot}"), Map.entry('∂', "\\ensuremath{\\partial}"),
            Map.entry('—', "---"), Map.entry('–', "--"), Map.entry('≈', "\\ensuremath{\\approx}"),
            Map.entry('‖', "\\ensuremath{\\|}"), Map.entry('▸', "\\ensuremath{\\triangleright}"),
            Map.entry('−', "\\ensuremath{-}"), Map.entry('∞', "\\ensuremath{\\infty}"),
            Map.entry('ᵀ', "\\ensuremath{^{\\top}}"), Map.entry('ρ', "\\ensuremath{\\rho}"),
            Map.entry('σ', "\\ensuremath{\\sigma}"), Map.entry('η', "\\ensuremath{\\eta}"),
            Map.entry('α', "\\ensuremath{\\alpha}"), Map.entry('β', "\\ensuremath{\\beta}"),
            Map.entry('λ', "\\ensuremath{\\lambda}"), Map.entry('θ', "\\ensuremath{\\theta}"),
            Map.entry('×', "\\ensuremath{\\times}"), Map.entry('≤', "\\ensuremath{\\le}"),
            Map.entry('≥', "\\ensuremath{\\ge}"), Map.entry('→', "\\ensuremath{\\to}"),
            Map.entry('←', "\\ensuremath{\\leftarrow}"), Map.entry('ℓ', "\\ensuremath{\\ell}"),
            Map.entry('✓', "\\ensuremath{\\checkmark}"), Map.entry('✗', "\\ensuremath{\\times}"),
            Map.entry('…', "\\ldots{}"), Map.entry('‘', "`"), Map.entry('’', "'"), Map.entry('“', "``"),
            Map.entry('”', "''"), Map.entry('≠', "\\ensuremath{\\neq}"), Map.entry('±', "\\ensuremath{\\pm}"),
            Map.entry('⊙', "\\ensuremath{\\odot}"), Map.entry('●', "\\ensuremath{\\bullet}"),
            Map.entry('é', "\\'e"), Map.entry('è', "\\`e"), Map.entry('ü', "\\\"u"), Map.entry('ö', "\\\"o"),
            Map.entry('ä', "\\\"a"), Map.entry('\u00a0', "~"),
            Map.entry('′', "\\ensuremath{'}"), Map.entry('″', "\\ensuremath{''}"));
    /** Letters and signs of Western European languages and of mathematics beyond the captions' own. */
    private static final Map<Character, String> MORE = Map.ofEntries(
            Map.entry('ß', "\\ss{}"), Map.entry('æ', "\\ae{}"), Map.entry('Æ', "\\AE{}"), Map.entry('ø', "\\o{}"),
            Map.entry('Ø', "\\O{}"), Map.entry('œ', "\\oe{}"), Map.entry('Œ', "\\OE{}"), Map.entry('ł', "\\l{}"),
            Map.entry('Ł', "\\L{}"), Map.entry('ı', "\\i{}"), Map.entry('ð', "\\dh{}"), Map.entry('þ', "\\th{}"),
            Map.entry('Þ', "\\TH{}"), Map.entry('Ð', "\\DH{}"), Map.entry('«', "\\guillemotleft{}"),
            Map.entry('»', "\\guillemotright{}"), Map.entry('‚', "\\quotesinglbase{}"), Map.entry('„', "\\quotedblbase{}"),
            Map.entry('•', "\\textbullet{}"), Map.entry('†', "\\dag{}"), Map.entry('‡', "\\ddag{}"), Map.entry('§', "\\S{}"),
            Map.entry('¶', "\\P{}"), Map.entry('©', "\\textcopyright{}"), Map.entry('®', "\\textregistered{}"),
            Map.entry('™', "\\texttrademark{}"), Map.entry('¿', "\\textquestiondown{}"), Map.entry('¡', "\\textexclamdown{}"),
            Map.entry('£', "\\pounds{}"), Map.entry('€', "\\texteuro{}"), Map.entry('°', "\\ensuremath{^{\\circ}}"),
            Map.entry('µ', "\\ensuremath{\\mu}"), Map.entry('÷', "\\ensuremath{\\div}"), Map.entry('¬', "\\ensuremath{\\neg}"),
            Map.entry('½', "\\ensuremath{\\frac{1}{2}}"), Map.entry('¼', "\\ensuremath{\\frac{1}{4}}"),
            Map.entry('¾', "\\ensuremath{\\frac{3}{4}}"), Map.entry('∑', "\\ensuremath{\\sum}"),
            Map.entry('∏', "\\ensuremath{\\prod}"), Map.entry('√', "\\ensuremath{\\surd}"), Map.entry('∈', "\\ensuremath{\\in}"),
            Map.entry('∉', "\\ensuremath{\\notin}"), Map.entry('∀', "\\ensuremath{\\forall}"), Map.entry('∃', "\\ensuremath{\\exists}"),
            Map.entry('∇', "\\ensuremath{\\nabla}"), Map.entry('∫', "\\ensuremath{\\int}"), Map.entry('⊗', "\\ensuremath{\\otimes}"),
            Map.entry('⊕', "\\ensuremath{\\oplus}"), Map.entry('∘', "\\ensuremath{\\circ}"), Map.entry('≪', "\\ensuremath{\\ll}"),
            Map.entry('≫', "\\ensuremath{\\gg}"), Map.entry('∝', "\\ensuremath{\\propto}"), Map.entry('≡', "\\ensuremath{\\equiv}"),
            Map.entry('⇒', "\\ensuremath{\\Rightarrow}"), Map.entry('⇔', "\\ensuremath{\\Leftrightarrow}"),
            Map.entry('↔', "\\ensuremath{\\leftrightarrow}"), Map.entry('↑', "\\ensuremath{\\uparrow}"),
            Map.entry('↓', "\\ensuremath{\\downarrow}"), Map.entry('∅', "\\ensuremath{\\emptyset}"), Map.entry('∩', "\\ensuremath{\\cap}"),
            Map.entry('∪', "\\ensuremath{\\cup}"), Map.entry('⊂', "\\ensuremath{\\subset}"), Map.entry('⊆', "\\ensuremath{\\subseteq}"),
            Map.entry('∧', "\\ensuremath{\\wedge}"), Map.entry('∨', "\\ensuremath{\\vee}"), Map.entry('≃', "\\ensuremath{\\simeq}"),
            Map.entry('∼', "\\ensuremath{\\sim}"), Map.entry('ς', "\\ensuremath{\\varsigma}"), Map.entry('ε', "\\ensuremath{\\varepsilon}"),
            Map.entry('ϕ', "\\ensuremath{\\phi}"), Map.entry('φ', "\\ensuremath{\\varphi}"), Map.entry('ο', "o"),
            Map.entry('\u2009', "\\,"), Map.entry('\u202f', "\\,"), Map.entry('‑', "-"), Map.entry('‐', "-"));
    /** Greek letters in alphabetical order, with their TeX names; capitals TeX has no command for are Latin ones. */
    private static final String GREEK_LOWER = "αβγδζηθικλμνξπρστυχψω";
    private static final String[] GREEK_LOWER_NAMES = {"alpha", "beta", "gamma", "delta", "zeta", "eta", "theta", "iota",
        "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "chi", "psi", "omega"};
    private static final String GREEK_UPPER = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ";
    private static final String GREEK_UPPER_TEX = "A B \\Gamma \\Delta E Z H \\Theta I K \\Lambda M N \\Xi O \\Pi P \\Sigma T "
            + "\\Upsilon \\Phi X \\Psi \\Omega";
    /** Combining accents (after a letter, as Unicode decomposes é into e and U+0301) and their TeX commands. */
    private static final Map<Character, String> ACCENTS = Map.ofEntries(Map.entry('\u0300', "`"), Map.entry('\u0301', "'"),
            Map.entry('\u0302', "^"), Map.entry('\u0303', "~"), Map.entry('\u0304', "="), Map.entry('\u0306', "u"),
            Map.entry('\u0307', "."), Map.entry('\u0308', "\""), Map.entry('\u030a', "r"), Map.entry('\u030b', "H"),
            Map.entry('\u030c', "v"), Map.entry('\u0327', "c"), Map.entry('\u0328', "k"));
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private Latex() {
    }

    /** {@code text} as it should appear in a LaTeX document's running text. */
    static String escape(String text) {
        // composed first: "e" and a combining accent, as some systems save é, is one letter with an accent
        text = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '$', '&', '#', '%', '_' -> b.append('\\').append(c);
                case '^' -> b.append("\\textasciicircum{}");
                case '~' -> b.append("\\textasciitilde{}");
                case '<' -> b.append("\\textless{}");
                case '>' -> b.append("\\textgreater{}");
                case '|' -> b.append("\\textbar{}");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> {
                    if (c < 128) {
                        b.append(c);
                    } else if (SYMBOLS.containsKey(c)) {
                        b.append(SYMBOLS.get(c));
                    } else if (SUPERSCRIPTS.indexOf(c) >= 0) {
                        b.append("\\textsuperscript{").append(SUPERSCRIPTS.indexOf(c)).append('}');
                    } else if (c == '⁻') {
                        b.append("\\textsuperscript{\\ensuremath{-}}");
                    } else if (SUBSCRIPTS.indexOf(c) >= 0) {
                        b.append("\\ensuremath{_{").append(SUBSCRIPTS.indexOf(c)).append("}}");
                    } else if (MORE.containsKey(c)) {
                        b.append(MORE.get(c));
                    } else if (GREEK_LOWER.indexOf(c) >= 0) {
                        b.append("\\ensuremath{\\").append(GREEK_LOWER_NAMES[GREEK_LOWER.indexOf(c)]).append('}');
                    } else if (GREEK_UPPER.indexOf(c) >= 0) {
                        String tex = GREEK_UPPER_TEX.split(" ")[GREEK_UPPER.indexOf(c)];
                        b.append(tex.startsWith("\\") ? "\\ensuremath{" + tex + "}" : tex);
                    } else if (accented(c) != null) {
                        b.append(accented(c));
                    } else {
                        int cp = text.codePointAt(i);
                        String name = Character.getName(cp);
                        b.append('[').append(name == null ? String.format("U+%04X", cp) : name.toLowerCase(java.util.Locale.ROOT))
                                .append(']');
                        i += Character.charCount(cp) - 1;
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * A letter with accents as TeX writes it ("ï" as {@code \"{\i}}, "ř" as {@code \v{r}}), or null when
     * {@code c} is not a Latin letter with accents TeX knows.
     */
    private static String accented(char c) {
        String parts = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        if (parts.length() < 2 || parts.charAt(0) >= 128 || !Character.isLetter(parts.charAt(0))) {
            return null;
        }
        char base = parts.charAt(0);
        String out = base == 'i' ? "\\i" : base == 'j' ? "\\j" : String.valueOf(base);
        for (int k = 1; k < parts.length(); k++) {
            String accent = ACCENTS.get(parts.charAt(k));
            if (accent == null) {
                return null;
            }
            boolean below = accent.equals("c") || accent.equals("k");
            out = "\\" + accent + "{" + (below && out.startsWith("\\i") ? "i" : out) + "}";
        }
        return out;
    }

    /** The characters of {@code text} that TeX here cannot write, as {@link #escape} names them ("[cjk …]"). */
    static java.util.Set<String> unwritable(String text) {
        text = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            String c = new String(Character.toChars(text.codePointAt(i)));
            String tex = escape(c);
            if (!c.equals("[") && tex.startsWith("[")) {
                out.add(c + " " + tex);
            }
        }
        return out;
    }
}
