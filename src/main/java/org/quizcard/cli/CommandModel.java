package org.quizcard.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * picocli's model of each command built with picocli's programmatic API, from a description the
 * build writes from the commands' annotations ({@link #main}). Reading annotations costs the JDK a
 * generated proxy class per annotation type on every start, half of picocli's start-up
 * (docs/performance.md); this builds the same model from plain data and fields. The annotations
 * stay the one description of every command (picocli-codegen checks them when compiling), the
 * build fails on an annotation attribute this class does not carry over, and
 * {@code CommandModelTest} checks that both models give the same usage text and parse results.
 * Without the description (a class path the build step did not run on) commands are read from
 * their annotations as before.
 */
final class CommandModel {
    /** Where the build puts the description on the class path. */
    static final String RESOURCE = "/quizcard-commands.bin";

    private static final int VERSION = 1;

    /** An option or positional parameter, bound to a field of its command or mixin. */
    record Arg(String field, boolean option, List<String> names, String paramLabel, List<String> description,
               String defaultValue, String arity, boolean required, String index, boolean inherited) { }

    /** A {@code @Mixin} field and the arguments of its type. */
    record Mixin(String field, String type, List<Arg> args) { }

    /** One command class. */
    record Command(String type, String name, List<String> description, String footerHeading, List<String> footer,
                   boolean helpOptions, String versionProvider, List<Arg> args, List<Mixin> mixins,
                   List<String> specFields) { }

    private final Map<String, Command> commands;

    private CommandModel(Map<String, Command> commands) {
        this.commands = commands;
    }

    /** The description the build wrote, or null when there is none or it cannot be read. */
    static CommandModel load() {
        try (InputStream in = CommandModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return null;
            return read(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The name of a command object's command, or null when this model does not describe its class. */
    String name(Object command) {
        Command c = commands.get(command.getClass().getName());
        return c == null ? null : c.name();
    }

    /** picocli's model of {@code command}, bound to its fields (and its mixins', which it creates). */
    CommandSpec spec(Object command) {
        Command c = commands.get(command.getClass().getName());
        if (c == null) throw new IllegalStateException("no model of " + command.getClass().getName());
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(c.name());
        if (!c.description().isEmpty()) spec.usageMessage().description(array(c.description()));
        if (c.footerHeading() != null) spec.usageMessage().footerHeading(c.footerHeading());
        if (!c.footer().isEmpty()) spec.usageMessage().footer(array(c.footer()));
        if (c.versionProvider() != null) spec.versionProvider((IVersionProvider) instantiate(c.versionProvider()));
        if (c.helpOptions()) addHelpOptions(spec);
        for (Arg a : c.args()) add(spec, command, a);
        for (Mixin m : c.mixins()) {
            Object mixin = instantiate(m.type());
            set(command, m.field(), mixin);
            // The mixin's options go straight into the command's model, bound to the mixin's
            // fields: all that picocli's addMixin would make of a mixin without command attributes
            // (and the build rejects those), without a CommandSpec per mixin, which compiles
            // picocli's option-name patterns again (what that costs: docs/performance.md).
            for (Arg a : m.args()) add(spec, mixin, a);
        }
        for (String f : c.specFields()) set(command, f, spec);
        return spec;
    }

    /** The options {@code mixinStandardHelpOptions = true} adds, as picocli words them. */
    private static void addHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).initialValue(false)
                .descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).initialValue(false)
                .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.")
                .build());
    }

    /**
     * Adds {@code a}, bound to its field of {@code target}. The option and positional branches
     * repeat the same calls because the builders' common superclass is not public in picocli.
     */
    private static void add(CommandSpec spec, Object target, Arg a) {
        Field field = field(target.getClass(), a.field());
        Object initial;
        try {
            initial = field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (a.option()) {
            OptionSpec.Builder b = OptionSpec.builder(array(a.names())).required(a.required());
            b.type(field.getType()).auxiliaryTypes(auxiliaryTypes(field)).initialValue(initial);
            b.getter(getter(field, target)).setter(setter(field, target));
            if (a.paramLabel() != null) b.paramLabel(a.paramLabel());
            if (!a.description().isEmpty()) b.description(array(a.description()));
            if (a.defaultValue() != null) b.defaultValue(a.defaultValue());
            if (a.arity() != null) b.arity(a.arity());
            if (a.inherited()) b.scopeType(ScopeType.INHERIT);
            spec.addOption(b.build());
        } else {
            PositionalParamSpec.Builder b = PositionalParamSpec.builder();
            b.type(field.getType()).auxiliaryTypes(auxiliaryTypes(field)).initialValue(initial);
            b.getter(getter(field, target)).setter(setter(field, target));
            if (a.paramLabel() != null) b.paramLabel(a.paramLabel());
            if (!a.description().isEmpty()) b.description(array(a.description()));
            if (a.defaultValue() != null) b.defaultValue(a.defaultValue());
            if (a.arity() != null) b.arity(a.arity());
            if (a.index() != null) b.index(a.index());
            // picocli's annotations make a positional parameter required when its arity needs a value
            PositionalParamSpec built = b.build();
            spec.addPositional(built.arity().min() > 0 ? b.required(true).build() : built);
        }
    }

    private static IGetter getter(Field field, Object target) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() throws Exception {
                return (T) field.get(target);
            }
        };
    }

    private static ISetter setter(Field field, Object target) {
        return new ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T set(T value) throws Exception {
                T old = (T) field.get(target);
                field.set(target, value);
                return old;
            }
        };
    }

    /** The element types of a collection field, as picocli infers them from its annotations. */
    private static Class<?>[] auxiliaryTypes(Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            Class<?>[] types = new Class<?>[args.length];
            for (int i = 0; i < args.length; i++) {
                types[i] = args[i] instanceof Class<?> k ? k : String.class;
            }
            return types;
        }
        return new Class<?>[] {field.getType()};
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("no field " + name + " in " + type.getName(), e);
        }
    }

    private static void set(Object target, String name, Object value) {
        try {
            field(target.getClass(), name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object instantiate(String type) {
        try {
            Constructor<?> c = Class.forName(type).getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type, e);
        }
    }

    private static String[] array(List<String> list) {
        return list.toArray(new String[0]);
    }

    // ---- the build step: annotations to description -----------------------------------------

    /**
     * The build step: {@code CommandModel OUTPUT} writes the description of the root command and
     * every subcommand, read from their annotations, or fails on an attribute it does not carry.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: CommandModel OUTPUT");
        Path out = Path.of(args[0]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp)) {
            write(describeAll(), o);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The root command and its subcommands, described from their annotations. */
    static List<Command> describeAll() {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Context context = new Context(InputStream.nullInputStream(), nowhere, nowhere, Map.of(), Clock.systemUTC(), false);
        QuizcardCommand root = new QuizcardCommand(context);
        List<Command> all = new ArrayList<>();
        all.add(describe(root.getClass()));
        for (Object command : root.subcommands()) all.add(describe(command.getClass()));
        return all;
    }

    static Command describe(Class<?> type) {
        CommandLine.Command c = type.getAnnotation(CommandLine.Command.class);
        if (c == null) throw new IllegalStateException(type.getName() + " has no @Command");
        only(type.getName(), c, "name", "description", "footerHeading", "footer", "mixinStandardHelpOptions",
                "versionProvider");
        String versionProvider = c.versionProvider().equals(defaultOf(CommandLine.Command.class, "versionProvider"))
                ? null : c.versionProvider().getName();
        List<Mixin> mixins = new ArrayList<>();
        List<String> specFields = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            CommandLine.Mixin m = f.getAnnotation(CommandLine.Mixin.class);
            if (m != null) {
                only(where(f), m);
                if (f.getType().isAnnotationPresent(CommandLine.Command.class)) {
                    throw new IllegalStateException(where(f) + ": the mixin's @Command attributes would be lost");
                }
                mixins.add(new Mixin(f.getName(), f.getType().getName(), args(f.getType())));
            }
            CommandLine.Spec s = f.getAnnotation(CommandLine.Spec.class);
            if (s != null) {
                only(where(f), s);
                specFields.add(f.getName());
            }
        }
        return new Command(type.getName(), c.name(), List.of(c.description()),
                c.footerHeading().isEmpty() ? null : c.footerHeading(), List.of(c.footer()),
                c.mixinStandardHelpOptions(), versionProvider, args(type), mixins, specFields);
    }

    /** The options and positional parameters declared by the fields of {@code type}. */
    private static List<Arg> args(Class<?> type) {
        Set<Class<? extends Annotation>> known = Set.of(CommandLine.Option.class, CommandLine.Parameters.class,
                CommandLine.Mixin.class, CommandLine.Spec.class);
        List<Arg> args = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            for (Annotation a : f.getAnnotations()) {
                if (a.annotationType().getName().startsWith("picocli.") && !known.contains(a.annotationType())) {
                    throw new IllegalStateException(where(f) + ": @" + a.annotationType().getSimpleName()
                            + " is not carried into the command model; add it to CommandModel");
                }
            }
            CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
            if (o != null) {
                only(where(f), o, "names", "paramLabel", "description", "defaultValue", "arity", "required", "scope");
                args.add(new Arg(f.getName(), true, List.of(o.names()), blankToNull(o.paramLabel()),
                        List.of(o.description()), defaultValue(o.defaultValue()), blankToNull(o.arity()), o.required(),
                        null, o.scope() == ScopeType.INHERIT));
            }
            CommandLine.Parameters p = f.getAnnotation(CommandLine.Parameters.class);
            if (p != null) {
                only(where(f), p, "index", "paramLabel", "description", "defaultValue", "arity");
                args.add(new Arg(f.getName(), false, List.of(), blankToNull(p.paramLabel()), List.of(p.description()),
                        defaultValue(p.defaultValue()), blankToNull(p.arity()), false, blankToNull(p.index()), false));
            }
        }
        return args;
    }

    /** Fails when {@code annotation} sets an attribute other than {@code carried} to a non-default value. */
    private static void only(String where, Annotation annotation, String... carried) {
        List<String> names = Arrays.asList(carried);
        for (Method m : annotation.annotationType().getDeclaredMethods()) {
            if (names.contains(m.getName())) continue;
            Object value;
            try {
                value = m.invoke(annotation);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (!Objects.deepEquals(value, m.getDefaultValue())) {
                throw new IllegalStateException(where + ": @" + annotation.annotationType().getSimpleName() + "("
                        + m.getName() + ") is not carried into the command model; add it to CommandModel");
            }
        }
    }

    /** A {@code defaultValue} attribute, null when it is picocli's "none given". */
    private static String defaultValue(String value) {
        return value.equals(defaultOf(CommandLine.Option.class, "defaultValue")) ? null : value;
    }

    private static Object defaultOf(Class<? extends Annotation> type, String attribute) {
        try {
            return type.getMethod(attribute).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String where(Field f) {
        return f.getDeclaringClass().getName() + "." + f.getName();
    }

    // ---- the description's bytes --------------------------------------------------------------

    static void write(List<Command> commands, OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(VERSION);
        d.writeInt(commands.size());
        for (Command c : commands) {
            string(d, c.type());
            string(d, c.name());
            strings(d, c.description());
            string(d, c.footerHeading());
            strings(d, c.footer());
            d.writeBoolean(c.helpOptions());
            string(d, c.versionProvider());
            args(d, c.args());
            d.writeInt(c.mixins().size());
            for (Mixin m : c.mixins()) {
                string(d, m.field());
                string(d, m.type());
                args(d, m.args());
            }
            strings(d, c.specFields());
        }
        d.flush();
        bytes.writeTo(out);
    }

    static CommandModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in));
        if (d.readInt() != VERSION) throw new IOException("another version of the command model");
        int n = d.readInt();
        Map<String, Command> commands = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String type = string(d);
            String name = string(d);
            List<String> description = strings(d);
            String footerHeading = string(d);
            List<String> footer = strings(d);
            boolean helpOptions = d.readBoolean();
            String versionProvider = string(d);
            List<Arg> args = args(d);
            int mixinCount = d.readInt();
            List<Mixin> mixins = new ArrayList<>();
            for (int j = 0; j < mixinCount; j++) mixins.add(new Mixin(string(d), string(d), args(d)));
            List<String> specFields = strings(d);
            commands.put(type, new Command(type, name, description, footerHeading, footer, helpOptions,
                    versionProvider, args, mixins, specFields));
        }
        return new CommandModel(commands);
    }

    private static void args(DataOutputStream d, List<Arg> args) throws IOException {
        d.writeInt(args.size());
        for (Arg a : args) {
            string(d, a.field());
            d.writeBoolean(a.option());
            strings(d, a.names());
            string(d, a.paramLabel());
            strings(d, a.description());
            string(d, a.defaultValue());
            string(d, a.arity());
            d.writeBoolean(a.required());
            string(d, a.index());
            d.writeBoolean(a.inherited());
        }
    }

    private static List<Arg> args(DataInputStream d) throws IOException {
        int n = d.readInt();
        List<Arg> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            args.add(new Arg(string(d), d.readBoolean(), strings(d), string(d), strings(d), string(d), string(d),
                    d.readBoolean(), string(d), d.readBoolean()));
        }
        return args;
    }

    private static void strings(DataOutputStream d, List<String> list) throws IOException {
        d.writeInt(list.size());
        for (String s : list) string(d, s);
    }

    private static List<String> strings(DataInputStream d) throws IOException {
        int n = d.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(string(d));
        return list;
    }

    private static void string(DataOutputStream d, String s) throws IOException {
        d.writeBoolean(s != null);
        if (s != null) d.writeUTF(s);
    }

    private static String string(DataInputStream d) throws IOException {
        return d.readBoolean() ? d.readUTF() : null;
    }
}
