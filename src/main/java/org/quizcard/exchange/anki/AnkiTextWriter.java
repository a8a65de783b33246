package org.quizcard.exchange.anki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.quizcard.bank.Bank;
import org.quizcard.exchange.BankExporter;
import org.quizcard.exchange.Loss;

/**
 * A bank as Anki's "Notes in Plain Text": the headers Anki writes ({@code #separator:tab},
 * {@code #html:true} and the columns of GUID, note type, deck and tags), then a line per note:
 * GUID, note type, deck, its fields (as many columns as the widest note type written) and its tags.
 * A field with a tab, a quote or a line break is quoted, quotes doubled, as Anki writes it.
 * Anki imports the file into the note types of an earlier package import (they must exist).
 */
public final class AnkiTextWriter implements BankExporter {
    @Override
    public List<Loss> write(Bank bank, Path out) throws IOException {
        List<Loss> losses = new ArrayList<>();
        List<AnkiNotes.Note> notes = AnkiNotes.of(bank, losses);
        int fields = notes.stream().mapToInt(n -> n.model().fields.size()).max().orElse(2);
        StringBuilder b = new StringBuilder();
        b.append("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n");
        b.append("#tags column:").append(4 + fields).append('\n');
        for (AnkiNotes.Note n : notes) {
            List<String> row = new ArrayList<>(List.of(n.guid(), n.model().noteType, n.deck()));
            row.addAll(n.fields());
            while (row.size() < 3 + fields) row.add("");
            row.add(String.join(" ", n.tags()));
            b.append(row.stream().map(AnkiTextWriter::field).collect(Collectors.joining("\t"))).append('\n');
        }
        Files.writeString(out, b, StandardCharsets.UTF_8);
        return losses;
    }

    /** A field as a tab-separated file holds it: quoted when it has a tab, quote or line break, or starts with '#'. */
    static String field(String text) {
        boolean quote = text.startsWith("#") || text.chars().anyMatch(c -> c == '\t' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
