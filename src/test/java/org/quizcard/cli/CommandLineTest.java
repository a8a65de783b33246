package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line {@link Main} builds from the commands' annotations. */
class CommandLineTest {

    /** A run finds its subcommand by the class's name: each annotation must say the same name. */
    @Test
    void eachSubcommandIsNamedAfterItsClass() {
        for (Class<? extends ContextCommand> type : QuizcardCommand.COMMANDS) {
            assertThat(type.getAnnotation(CommandLine.Command.class).name()).as(type.getSimpleName())
                    .isEqualTo(QuizcardCommand.name(type));
        }
        assertThat(Main.commandNames()).contains("study", "optimize", "config", "completion").doesNotHaveDuplicates();
    }

    @Test
    void noOptionNeedsAConverterThatRunsLeaveOut() {
        CommandLine root = Main.commandLine(context());
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(root.getCommandSpec());
        root.getSubcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
        List<String> types = new ArrayList<>();
        for (CommandSpec spec : specs) {
            spec.args().forEach(arg -> {
                types.add(arg.type().getName());
                for (Class<?> aux : arg.auxiliaryTypes()) types.add(aux.getName());
            });
        }
        assertThat(types).contains("java.nio.file.Path", "int", "java.lang.String");
        assertThat(types).noneMatch(type -> type.matches(Main.UNUSED_CONVERTERS));
        assertThat("java.time.Duration").matches(Main.UNUSED_CONVERTERS);
    }

    @Test
    void everyCommandIsRegisteredOnceInHelpOrder() {
        CommandLine root = Main.commandLine(context());
        assertThat(root.getSubcommands().keySet()).startsWith("study", "quiz")
                .contains("grade", "exam", "lint", "completion").doesNotHaveDuplicates();
    }

    private static Context context() {
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        return new Context(InputStream.nullInputStream(), nowhere, nowhere, Map.of(), Clock.systemUTC(), false);
    }
}
