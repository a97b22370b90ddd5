package dev.hake.embedded;

/** Starts and stops one EmbeddedHake in a fresh JVM and prints how long the start took. */
public final class StartupProbe {

    static final String RESULT_PREFIX = "startup-millis=";

    private StartupProbe() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        EmbeddedHake hake = EmbeddedHake.builder().build().start();
        long millis = (System.nanoTime() - started) / 1_000_000;
        hake.close();
        System.out.println(RESULT_PREFIX + millis);
    }
}
