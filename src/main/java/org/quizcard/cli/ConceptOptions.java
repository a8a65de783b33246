package org.quizcard.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The {@code --concept} option the session commands share. */
public final class ConceptOptions {
    @Option(names = "--concept", paramLabel = "C", description = "Only this concept (repeatable; default all).")
    List<String> concepts = new ArrayList<>();

    /** The chosen concepts, in the order given; empty means all. */
    Set<String> concepts() {
        return new LinkedHashSet<>(concepts);
    }
}
