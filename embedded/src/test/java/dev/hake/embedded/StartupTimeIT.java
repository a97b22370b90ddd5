package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up time on a cold JVM, the case that matters for a test suite's first test. Measured in
 * a child JVM because this one has long since loaded the classes. The figure is printed, not
 * asserted: timings on a shared machine are not a test (see docs/performance.md for figures).
 */
class StartupTimeIT {

    @Test
    void coldStartCompletesAndReportsItsTime(@TempDir Path directory) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path output = directory.resolve("probe.out");
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StartupProbe.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean exited = probe.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            probe.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited).as("probe finished; it printed:%n%s", printed).isTrue();
        long millis = printed.lines()
                .filter(line -> line.startsWith(StartupProbe.RESULT_PREFIX))
                .mapToLong(line -> Long.parseLong(line.substring(StartupProbe.RESULT_PREFIX.length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The probe printed no start-up time:\n" + printed));

        System.out.println("EmbeddedHake cold start-up in a fresh JVM: " + millis + " ms");
        assertThat(millis).as("a start-up time was measured").isPositive();
    }
}
