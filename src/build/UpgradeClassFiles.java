import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A build step: copies the classes of a jar into a class directory as Java 8 class files, with the
 * stack map frames the Java 5 files lack.
 *
 * <p>picocli is published as Java 5 class files, which the JVM checks with its old, slow
 * type-inferring verifier on every start: JDK 17's class-data archive stores them unverified,
 * and JDK 25's AOT cache leaves them out altogether ("Old class has been linked"), so they are
 * parsed and verified on every run. Rewritten as version 52 with frames computed here, they are
 * verified once when the archive is made (docs/performance.md). The bytecode is otherwise
 * unchanged; a class with a {@code jsr} instruction (not valid after version 50) stops the build.
 *
 * <p>Usage: {@code java -cp ASM_JAR:JAR UpgradeClassFiles.java JAR OUTPUT_DIR}
 */
public final class UpgradeClassFiles {
    private static final int TARGET = Opcodes.V1_8;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: UpgradeClassFiles JAR OUTPUT_DIR");
        Path out = Path.of(args[1]);
        int upgraded = 0;
        try (JarFile jar = new JarFile(args[0])) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) continue;
                byte[] bytes;
                try (InputStream in = jar.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                Path target = out.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, upgrade(name, bytes));
                upgraded++;
            }
        }
        System.out.println("upgraded " + upgraded + " class files of " + Path.of(args[0]).getFileName() + " to Java 8");
    }

    /** The class file as version 52 with computed frames; newer files are returned as they are. */
    static byte[] upgrade(String name, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        int major = reader.readUnsignedShort(6);
        if (major >= 50) return bytes;
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String className, String signature, String superName,
                              String[] interfaces) {
                super.visit(TARGET, access, className, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, method, descriptor, signature, exceptions)) {
                    @Override
                    public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                        if (opcode == Opcodes.JSR) {
                            throw new IllegalStateException(name + "." + method + " uses jsr, which Java 8 class files cannot");
                        }
                        super.visitJumpInsn(opcode, label);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
