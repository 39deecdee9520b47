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
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private Latex() {
    }

    /** {@code text} as it should appear in a LaTeX document's running text. */
    static String escape(String text) {
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
}
