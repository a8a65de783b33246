package org.quizcard.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** The {@code --concept} option the session commands share. */
public final class ConceptOptions {
    /** The chosen concepts, in the order given; empty means all. */
    @Option(names = "--concept", paramLabel = "C",
            description = "Only this concept (repeatable; default all).")
    Set<String> concepts = new LinkedHashSet<>();
}
