package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command model the build writes gives picocli the same commands as their annotations: the
 * same usage text, the same values in the same fields, the same errors.
 */
class CommandModelTest {
    private static final CommandModel MODEL = CommandModel.load();

    static Stream<String> commands() {
        return CommandModel.describeAll().stream().skip(1).map(CommandModel.Command::name);
    }

    @Test
    void theBuildWroteTheModelAndRunsUseIt() {
        assertThat(MODEL).as("the build writes " + CommandModel.RESOURCE).isNotNull();
        assertThat(MODEL.name(new QuizCommand(context()))).isEqualTo("quiz");
    }

    @Test
    void noOptionNeedsAConverterThatRunsLeaveOut() {
        List<String> types = new ArrayList<>();
        List<CommandSpec> specs = new ArrayList<>();
        CommandLine root = Main.commandLine(context(), new String[0], MODEL);
        specs.add(root.getCommandSpec());
        root.getSubcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
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
    void theRootCommandsUsageIsTheSame() {
        assertThat(usage(Main.commandLine(context(), new String[0], MODEL)))
                .isEqualTo(usage(Main.commandLine(context(), new String[0], null)));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void eachCommandsUsageIsTheSame(String name) {
        assertThat(usage(sub(name, MODEL))).isEqualTo(usage(sub(name, null)));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyOptionAndParameterLandsInTheSameField(String name) {
        List<List<String>> lines = new ArrayList<>();
        CommandSpec spec = sub(name, null).getCommandSpec();
        List<String> all = new ArrayList<>(List.of(name));
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            List<String> one = new ArrayList<>(List.of(name));
            one.addAll(option(o));
            one.addAll(positionals(spec));
            lines.add(one);
            all.addAll(option(o));
        }
        all.addAll(positionals(spec));
        lines.add(all);
        lines.add(List.of(name));
        for (List<String> argv : lines) {
            assertThat(outcome(argv, MODEL)).as(String.join(" ", argv)).isEqualTo(outcome(argv, null));
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void mistakesGiveTheSameErrors(String name) {
        for (List<String> argv : List.of(List.of(name, "--no-such-option"), List.of(name, "--count", "many"),
                List.of(name, "a", "b", "c", "d"), List.of(name, "--verbose", "--help", "extra"))) {
            assertThat(outcome(argv, MODEL)).as(String.join(" ", argv)).isEqualTo(outcome(argv, null));
        }
    }

    @Test
    void anAttributeTheModelDoesNotCarryFailsTheBuild() {
        assertThatThrownBy(() -> CommandModel.describe(Unsupported.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@Option(hidden) is not carried");
    }

    @Test
    void aMixinWithCommandAttributesFailsTheBuild() {
        assertThatThrownBy(() -> CommandModel.describe(WithDescribedMixin.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the mixin's @Command attributes would be lost");
    }

    @CommandLine.Command(name = "described-mixin")
    static final class WithDescribedMixin {
        @CommandLine.Mixin
        Described described;
    }

    @CommandLine.Command(description = "a description picocli's addMixin would copy")
    static final class Described {
        @CommandLine.Option(names = "--flag")
        boolean flag;
    }

    @CommandLine.Command(name = "unsupported")
    static final class Unsupported {
        @CommandLine.Option(names = "--secret", hidden = true)
        boolean secret;
    }

    /** What parsing gives: every field of the command and its mixins, or the error message. */
    private static String outcome(List<String> argv, CommandModel model) {
        CommandLine cli = Main.commandLine(context(), argv.toArray(new String[0]), model);
        try {
            CommandLine.ParseResult result = cli.parseArgs(argv.toArray(new String[0]));
            Object command = result.subcommand() == null ? result.commandSpec().userObject()
                    : result.subcommand().commandSpec().userObject();
            return fields(command) + (result.subcommand() != null && result.subcommand().isUsageHelpRequested() ? " help" : "");
        } catch (CommandLine.ParameterException e) {
            return "error: " + e.getMessage();
        }
    }

    /** The fields quizcard declares, by name, with mixins' fields inside; the context and specs left out. */
    private static String fields(Object object) {
        StringBuilder out = new StringBuilder(object.getClass().getSimpleName()).append('{');
        Field[] declared = object.getClass().getDeclaredFields();
        Arrays.sort(declared, Comparator.comparing(Field::getName));
        for (Field f : declared) {
            if (Modifier.isStatic(f.getModifiers()) || f.getType() == Context.class || f.getType() == CommandSpec.class) {
                continue;
            }
            f.setAccessible(true);
            Object value;
            try {
                value = f.get(object);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            out.append(f.getName()).append('=');
            boolean mixin = value != null && value.getClass().getName().startsWith("org.quizcard.cli.")
                    && !value.getClass().isEnum();
            out.append(mixin ? fields(value) : String.valueOf(value)).append(';');
        }
        return out.append('}').toString();
    }

    private static List<String> option(OptionSpec o) {
        String name = o.longestName();
        if (o.arity().max() == 0) return List.of(name);
        String value = value(o.auxiliaryTypes()[0]);
        return o.isMultiValue() ? List.of(name, value, name, value + "2") : List.of(name, value);
    }

    private static List<String> positionals(CommandSpec spec) {
        List<String> values = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.arity().min() > 0 || p.isMultiValue()) values.add(value(p.auxiliaryTypes()[0]));
        }
        return values;
    }

    private static String value(Class<?> type) {
        if (type.isEnum()) return type.getEnumConstants()[0].toString();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "3";
        if (type == double.class || type == Double.class) return "0.85";
        return "value";
    }

    private static CommandLine sub(String name, CommandModel model) {
        return Main.commandLine(context(), new String[] {name}, model).getSubcommands().get(name);
    }

    private static String usage(CommandLine cli) {
        return cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static Context context() {
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        return new Context(InputStream.nullInputStream(), nowhere, nowhere, Map.of(), Clock.systemUTC(), false);
    }
}
