package org.quizcard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.quizcard.Plural;
import org.quizcard.store.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code quizcard restore}: lists the automatic backups of your progress, or brings one back. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {
            "List the daily backups of your progress, or restore one.",
            "Without BACKUP: list the daily backups of your progress (the last " + Backups.KEEP
                    + " are kept under QUIZCARD_HOME/backups) with their dates and review counts.",
            "With BACKUP: check it is an intact quizcard database, keep the current one aside as "
                    + "progress.db.before-restore-<time>, and restore it. Close running sessions first.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  quizcard restore", "  quizcard restore progress-000012-20261122-093000.db"})
final class RestoreCommand extends ContextCommand {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Parameters(paramLabel = "BACKUP", arity = "0..1",
            description = "A backup's file name (as listed) or the path of any quizcard database.")
    Path backup;

    @Override
    public Integer call() {
        Path home = context.home();
        if (backup == null) {
            List<Backups.Backup> all = Backups.describe(home);
            if (all.isEmpty()) {
                context.out().println("No backups yet in " + Backups.dir(home)
                        + ": one is made each day a study or quiz session starts.");
                return 0;
            }
            for (Backups.Backup b : all) {
                String what = b.contents().map(c -> Plural.of(c.reviews(), "review"))
                        .orElse("unusable: " + b.problem());
                context.out().println(b.file().getFileName() + "  " + SHOWN.format(b.made()) + "  " + what);
            }
            List<Backups.Backup> usable = all.stream().filter(Backups.Backup::usable).toList();
            if (usable.isEmpty()) {
                context.out().println("None of these can be restored.");
            } else {
                context.out().println("Restore the newest with: quizcard restore "
                        + usable.get(usable.size() - 1).file().getFileName());
            }
            return 0;
        }
        Path file = backup.getNameCount() == 1 && !Files.exists(backup) ? Backups.dir(home).resolve(backup) : backup;
        Backups.Restored restored = Backups.restore(home, file, context.clock());
        long reviews = restored.contents().reviews();
        context.out().println("Restored " + file + " (" + Plural.of(reviews, "review") + ").");
        restored.aside().ifPresent(p -> context.out().println("The previous database is kept at " + p + "."));
        return 0;
    }
}
