package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.engine.Trainer;
import org.unrolled.view.Phase;
import picocli.CommandLine.TypeConversionException;

/** The typed options: what each converter accepts, and the one line it gives for what it does not. */
class OptionTypesTest {
    private static String err(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(Main.EXIT_BAD_INPUT, Main.run(args), String.join(" ", args));
            return err.toString(StandardCharsets.UTF_8);
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void convertersAcceptWhatTheHelpSays() {
        assertEquals(new OptionTypes.FrameSize(1280, 720), new OptionTypes.SizeConverter().convert("1280X720"));
        assertEquals(new OptionTypes.StepRange(3, 7), new OptionTypes.StepRangeConverter().convert("3-7"));
        assertEquals(new OptionTypes.StepRange(5, 5), new OptionTypes.StepRangeConverter().convert("5"));
        assertEquals(Phase.BACKWARD, new OptionTypes.PhaseChoice().convert("Backward"));
        assertEquals(Trainer.Optimizer.SGD, new OptionTypes.TrainOptimizerChoice().convert("sgd"));
        assertEquals(List.of("light", "dark", "projector"), toList(new OptionTypes.ThemeChoice()));
        assertThrows(TypeConversionException.class, () -> new OptionTypes.SizeConverter().convert("1280x720x3"));
        assertThrows(TypeConversionException.class, () -> new OptionTypes.StepRangeConverter().convert("0-3"));
        assertThrows(TypeConversionException.class, () -> new OptionTypes.StepRangeConverter().convert("3-"));
    }

    private static List<String> toList(Iterable<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEach(out::add);
        return out;
    }

    @Test
    void aRefusedValueIsOneLineNamingTheOption(@TempDir Path dir) {
        String scenario = "samples/rnn-step.json";
        String out = dir.resolve("x").toString();
        assertEquals("unrolled export: --size: expected WIDTHxHEIGHT such as 1920x1080, got 12\n",
                err("export", scenario, "--out", out, "--size", "12").replace("\r", ""));
        assertEquals("unrolled export: --steps: expected FROM-TO with 1 <= FROM <= TO, got 7-3\n",
                err("export", scenario, "--out", out, "--steps", "7-3").replace("\r", ""));
        assertEquals("unrolled export: --phase: expected both, forward or backward, got sideways\n",
                err("export", scenario, "--out", out, "--phase", "sideways").replace("\r", ""));
        assertEquals("unrolled export: --theme: expected light, dark or projector, got sepia\n",
                err("export", scenario, "--out", out, "--theme", "sepia").replace("\r", ""));
        assertEquals("unrolled train: --optimizer: expected sgd or adam, got rmsprop\n",
                err("train", scenario, "-o", out, "--optimizer", "rmsprop").replace("\r", ""));
        assertEquals("unrolled: --compare: expected cells, feedback or steps, got time\n",
                err("--compare", "time").replace("\r", ""));
        assertFalse(Files.exists(dir.resolve("x")), "nothing written");
    }
}
