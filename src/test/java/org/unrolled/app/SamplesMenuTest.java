package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.unrolled.io.Samples;

class SamplesMenuTest {

    @Test
    void theMenuListsEverySampleAndEveryEntryOpens() throws Exception {
        Set<String> inMenu = Arrays.stream(MainMenus.SAMPLES).map(s -> s[1]).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertTrue(inMenu.contains(p.getFileName().toString()), p + " is missing from the samples menu");
            }
        }
        for (String name : inMenu) {
            Samples.load(name); // built into the jar and valid
        }
    }

    @Test
    void teacherForcingHasATopicOfItsOwn() {
        long inTopic = Arrays.stream(MainMenus.SAMPLES).filter(s -> s[0].equals("Teacher forcing")).count();
        assertTrue(inTopic >= 1 && Arrays.stream(MainMenus.SAMPLES)
                .anyMatch(s -> s[0].equals("Teacher forcing") && s[1].equals("teacher-forcing.json")));
        assertTrue(Arrays.stream(MainMenus.SAMPLES).noneMatch(s -> s[1].equals("teacher-forcing.json")
                && s[0].equals("Backpropagation through time")), "not filed under BPTT any more");
    }
}
