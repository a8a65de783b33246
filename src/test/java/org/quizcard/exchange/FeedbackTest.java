package org.quizcard.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Misconception;

class FeedbackTest {
    private static final Misconception VM = new Misconception("container-is-vm", "A container is a VM.",
            "Both isolate.", "A container is a group of\n  host processes.", List.of("containers"), List.of(), null);
    private static final Catalogue KNOWN = new Catalogue(Map.of(VM.id(), VM));

    @Test
    void anExplanationAndAMisconceptionComeBackExactly() {
        String text = Feedback.write("Not quite.\nThink again.", VM);
        assertThat(text).isEqualTo("Not quite.\nThink again.\n\nMisconception (container-is-vm): \"A container is a VM.\" "
                + "What is true: A container is a group of host processes.");
        assertThat(Feedback.read(text, KNOWN)).isEqualTo(new Feedback.Read("Not quite.\nThink again.", "container-is-vm"));
    }

    @Test
    void aMisconceptionAloneOrAnExplanationAlone() {
        assertThat(Feedback.read(Feedback.write(null, VM), KNOWN)).isEqualTo(new Feedback.Read(null, "container-is-vm"));
        assertThat(Feedback.read(Feedback.write("Yes.", null), KNOWN)).isEqualTo(new Feedback.Read("Yes.", null));
        assertThat(Feedback.write(null, null)).isNull();
        assertThat(Feedback.read("  ", KNOWN)).isEqualTo(new Feedback.Read(null, null));
    }

    @Test
    void anIdTheCatalogueDoesNotKnowStaysText() {
        String text = Feedback.write("Hm.", VM);
        assertThat(Feedback.read(text, new Catalogue(Map.of()))).isEqualTo(new Feedback.Read(text, null));
        String inline = "See Misconception (container-is-vm): in the middle";
        assertThat(Feedback.read(inline, KNOWN)).isEqualTo(new Feedback.Read(inline, null));
    }
}
