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
    /** Letters and signs of Western European languages and of mathematics beyond the captions' own ({@link #more}). */
    private static final Map<Character, String> MORE = more();
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
     * The letters and signs beyond the captions' own: Western European letters and marks as text commands,
     * the Greek alphabet and common mathematical signs as {@code \\ensuremath{\\NAME}} (capitals TeX has no
     * command for are the Latin ones they look like).
     */
    private static Map<Character, String> more() {
        Map<Character, String> m = new java.util.HashMap<>(Map.ofEntries(
                Map.entry('ß', "\\ss{}"), Map.entry('æ', "\\ae{}"), Map.entry('Æ', "\\AE{}"), Map.entry('ø', "\\o{}"),
                Map.entry('Ø', "\\O{}"), Map.entry('œ', "\\oe{}"), Map.entry('Œ', "\\OE{}"), Map.entry('ł', "\\l{}"),
                Map.entry('Ł', "\\L{}"), Map.entry('ı', "\\i{}"), Map.entry('ð', "\\dh{}"), Map.entry('þ', "\\th{}"),
                Map.entry('Þ', "\\TH{}"), Map.entry('Ð', "\\DH{}"), Map.entry('«', "\\guillemotleft{}"),
                Map.entry('»', "\\guillemotright{}"), Map.entry('‚', "\\quotesinglbase{}"), Map.entry('„', "\\quotedblbase{}"),
                Map.entry('•', "\\textbullet{}"), Map.entry('†', "\\dag{}"), Map.entry('‡', "\\ddag{}"), Map.entry('§', "\\S{}"),
                Map.entry('¶', "\\P{}"), Map.entry('©', "\\textcopyright{}"), Map.entry('®', "\\textregistered{}"),
                Map.entry('™', "\\texttrademark{}"), Map.entry('¿', "\\textquestiondown{}"), Map.entry('¡', "\\textexclamdown{}"),
                Map.entry('£', "\\pounds{}"), Map.entry('€', "\\texteuro{}"), Map.entry('°', "\\ensuremath{^{\\circ}}"),
                Map.entry('½', "\\ensuremath{\\frac{1}{2}}"), Map.entry('¼', "\\ensuremath{\\frac{1}{4}}"),
                Map.entry('¾', "\\ensuremath{\\frac{3}{4}}"), Map.entry('ο', "o"), Map.entry('\u2009', "\\,"),
                Map.entry('\u202f', "\\,"), Map.entry('‑', "-"), Map.entry('‐', "-")));
        math(m, "µ÷¬∑∏√∈∉∀∃∇∫⊗⊕∘≪≫∝≡⇒⇔↔↑↓∅∩∪⊂⊆∧∨≃∼", "mu div neg sum prod surd in notin forall exists nabla int otimes "
                + "oplus circ ll gg propto equiv Rightarrow Leftrightarrow leftrightarrow uparrow downarrow emptyset cap cup "
                + "subset subseteq wedge vee simeq sim");
        math(m, "αβγδεζηθικλμνξπρςστυφϕχψω", "alpha beta gamma delta varepsilon zeta eta theta iota kappa lambda mu nu xi "
                + "pi rho varsigma sigma tau upsilon varphi phi chi psi omega");
        math(m, "ΓΔΘΛΞΠΣΥΦΨΩ", "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega");
        String latinLookalikes = "ΑΒΕΖΗΙΚΜΝΟΡΤΧ";
        for (int i = 0; i < latinLookalikes.length(); i++) {
            m.put(latinLookalikes.charAt(i), "ABEZHIKMNOPTX".substring(i, i + 1));
        }
        return Map.copyOf(m);
    }

    /** Each character of {@code signs} as {@code \\ensuremath{\\NAME}}, its name the same place in {@code names}. */
    private static void math(Map<Character, String> m, String signs, String names) {
        String[] name = names.split(" ");
        if (name.length != signs.length()) {
            throw new IllegalStateException(signs.length() + " signs, " + name.length + " names");
        }
        for (int i = 0; i < name.length; i++) {
            m.put(signs.charAt(i), "\\ensuremath{\\" + name[i] + "}");
        }
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
