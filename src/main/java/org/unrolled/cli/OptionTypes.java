package org.unrolled.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.unrolled.engine.Trainer;
import org.unrolled.engine.train.Optimizer;
import org.unrolled.io.Text;
import org.unrolled.view.Phase;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The typed values of the command line's options and picocli's converters for them: each converter
 * says in one line what it expected and what it got (the option's name is added by {@link Main}).
 */
final class OptionTypes {
    private OptionTypes() {
    }

    /** {@code --size WxH}: a frame's width and height in pixels (their limits are the export's). */
    record FrameSize(int width, int height) {
    }

    /** {@code --steps FROM-TO} (or one step, {@code N}): 1 ≤ from ≤ to. */
    record StepRange(int from, int to) {
    }

    /** {@code --theme}: the window's and the export's colours. */
    enum Theme { LIGHT, DARK, PROJECTOR }

    /** {@code --compare}: which side-by-side comparison window opens with the main one. */
    enum Comparison { CELLS, FEEDBACK, STEPS }

    /** The spelling of an enum constant on the command line: lower case, {@code -} for {@code _}. */
    static String token(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static final class SizeConverter implements ITypeConverter<FrameSize> {
        @Override
        public FrameSize convert(String value) {
            String[] wh = value.toLowerCase(Locale.ROOT).split("x");
            try {
                if (wh.length != 2) {
                    throw new NumberFormatException();
                }
                return new FrameSize(Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim()));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected WIDTHxHEIGHT such as 1920x1080, got " + Text.quote(value, 60));
            }
        }
    }

    /** An output file's name: one ending with a slash names a folder (Java would drop the slash and write a file). */
    static final class FilePathConverter implements ITypeConverter<java.nio.file.Path> {
        @Override
        public java.nio.file.Path convert(String value) {
            if (value.endsWith("/") || value.endsWith(java.io.File.separator)) {
                throw new TypeConversionException("expected a file name, got " + Text.quote(value, 60)
                        + ", a folder (it ends with a slash): name the file in it");
            }
            return java.nio.file.Path.of(value);
        }
    }

    static final class StepRangeConverter implements ITypeConverter<StepRange> {
        @Override
        public StepRange convert(String value) {
            String[] ft = value.split("-", -1);
            int from;
            int to;
            try {
                from = Integer.parseInt(ft[0].trim());
                to = ft.length > 1 ? Integer.parseInt(ft[1].trim()) : from;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected FROM-TO such as 3-7, got " + Text.quote(value, 60));
            }
            if (from < 1 || to < from || ft.length > 2) {
                throw new TypeConversionException("expected FROM-TO with 1 <= FROM <= TO, got " + Text.quote(value, 60));
            }
            return new StepRange(from, to);
        }
    }

    /**
     * An enum option spelt in lower case ({@link #token}); also the list of its spellings, for
     * picocli's {@code completionCandidates} and {@code ${COMPLETION-CANDIDATES}} in the help.
     */
    abstract static class Choice<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
        private final List<E> constants;

        Choice(Class<E> type) {
            this.constants = Arrays.asList(type.getEnumConstants());
        }

        @Override
        public E convert(String value) {
            for (E e : constants) {
                if (token(e).equals(value.toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            List<String> names = constants.stream().map(OptionTypes::token).toList();
            throw new TypeConversionException("expected " + String.join(", ", names.subList(0, names.size() - 1))
                    + " or " + names.get(names.size() - 1) + ", got " + Text.quote(value, 60));
        }

        @Override
        public Iterator<String> iterator() {
            return constants.stream().map(OptionTypes::token).iterator();
        }
    }

    static final class PhaseChoice extends Choice<Phase> {
        PhaseChoice() {
            super(Phase.class);
        }
    }

    static final class ThemeChoice extends Choice<Theme> {
        ThemeChoice() {
            super(Theme.class);
        }
    }

    static final class ComparisonChoice extends Choice<Comparison> {
        ComparisonChoice() {
            super(Comparison.class);
        }
    }

    /** {@code export --layout}. */
    static final class LayoutChoice extends Choice<org.unrolled.export.ExportOptions.Layout> {
        LayoutChoice() {
            super(org.unrolled.export.ExportOptions.Layout.class);
        }
    }

    /** {@code train --optimizer}. */
    static final class TrainOptimizerChoice extends Choice<Trainer.Optimizer> {
        TrainOptimizerChoice() {
            super(Trainer.Optimizer.class);
        }
    }

    /** {@code race --optimizer}. */
    static final class RaceOptimizerChoice extends Choice<Optimizer.Kind> {
        RaceOptimizerChoice() {
            super(Optimizer.Kind.class);
        }
    }
}
