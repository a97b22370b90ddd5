package dev.hake.samples.ee;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro as a user starts it, with hake's adapter and an application:
 *
 * <pre>
 * java -jar payara-micro.jar --postbootcommandfile hake.asadmin --deploy hake-ra.rar --deploy APP.war
 * </pre>
 *
 * <p>plus what keeps a demo to itself: HTTP on 127.0.0.1 and a free port, no clustering, no usage
 * report, and a root directory of its own. The post-boot file configures the adapter before it is
 * deployed: {@code create-resource-adapter-config --property KEY=VALUE:... hake-ra}.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private PayaraMicroProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the server in {@code directory} and returns at once; the server deploys the adapter,
     * then the application, in the next 15 to 30 seconds. Its output goes to {@code payara.log} there.
     *
     * @param adapterSettings the post-boot line that configures the adapter
     */
    static PayaraMicroProcess start(Path payaraMicroJar, Path adapterRar, Path applicationWar, String adapterSettings,
                                    Path directory) throws IOException {
        Files.createDirectories(directory);
        Path preBoot = Files.writeString(directory.resolve("pre-boot.asadmin"),
                "set configs.config.server-config.network-config.network-listeners.network-listener"
                        + ".http-listener.address=127.0.0.1\n");
        Path postBoot = Files.writeString(directory.resolve("post-boot.asadmin"), adapterSettings + "\n");
        Path root = directory.resolve("root-" + System.currentTimeMillis()); // Payara redeploys what an old root holds
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", payaraMicroJar.toString(),
                "--nohazelcast", "--disablephonehome",
                "--port", Integer.toString(freeLoopbackPort()),
                "--rootdir", root.toString(),
                "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", adapterRar.toString(),
                "--deploy", applicationWar.toString());
        Path log = directory.resolve("payara.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PayaraMicroProcess server = new PayaraMicroProcess(process, log);
        // A demo stopped with Ctrl-C takes its server with it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "payara-micro-kill-on-exit"));
        return server;
    }

    boolean isRunning() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The last lines of the server's log, where a failed deployment says why. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(" + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the server as a service manager does (SIGTERM): Payara undeploys the application and
     * stops the adapter, which finishes its deliveries and gives back what it had prefetched.
     * Killed if it has not exited within a minute.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
