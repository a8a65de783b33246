import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.quizcard.store.anki.AnkiFixture;

/**
 * Writes an Anki package for the import benchmark: N notes in ten decks, Basic and Cloze, with
 * HTML and tags as real decks have them, and a review history of five reviews a card.
 *
 *   java -cp target/quizcard.jar:target/test-classes bench/GenAnki.java OUT.apkg N
 */
public class GenAnki {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        int n = Integer.parseInt(args[1]);
        AnkiFixture a = AnkiFixture.schema18();
        long basic = a.basic();
        long cloze = a.noteType("Cloze", true, List.of("Text", "Back Extra"), List.of("Cloze"));
        long[] decks = new long[10];
        for (int d = 0; d < decks.length; d++) decks[d] = a.deck("Bench::Deck " + d, "Deck " + d + " of the benchmark.");
        long t0 = 1_700_000_000_000L;
        long day = 86_400_000L;
        for (int i = 0; i < n; i++) {
            long note = i % 5 == 4
                    ? a.note(cloze, "c" + i, "bench cloze", "Fact " + i + ": the {{c1::answer " + i + "}} is <b>known</b> "
                            + "and {{c2::this " + i + "::a hint}} too.", "Extra " + i)
                    : i % 2 == 0
                    ? a.note(basic, "b" + i, "bench basic", "What is item <i>" + i + "</i>?<br>Think first.",
                            "<ul><li>Item " + i + "</li><li>and its part</li></ul>")
                    : a.note(basic, "p" + i, "bench plain", "Plain question number " + i, "Plain answer " + i);
            long card = a.card(note, decks[i % decks.length], 0);
            long at = t0 + i * 7L;   // the offsets below never meet another card's
            a.review(card, at, 3, 0, 0, 5000);
            a.review(card, at + day, 3, 1, 2500, 6000);
            a.review(card, at + 4 * day, 1, 1, 2500, 8000);
            a.review(card, at + 4 * day + 600_000, 3, 2, 2300, 4000);
            a.review(card, at + 9 * day, 4, 1, 2300, 3000);
        }
        Files.deleteIfExists(out);
        Path made = a.pack(out.getParent(), out.getFileName().toString(), 3);
        System.out.println(made + ": " + n + " notes, " + Files.size(made) + " bytes");
    }
}
