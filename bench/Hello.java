/** The JVM's own floor for the start-up benchmark: start, print a line, exit. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
