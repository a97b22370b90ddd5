package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** {@link EmbeddedHakeServer} as another program sees it: a child process, an endpoint line, SQS over HTTP. */
class EmbeddedHakeServerIT {

    private static final long START_LIMIT_SECONDS = 60;
    private static final long STOP_LIMIT_SECONDS = 30;

    @TempDir
    Path directory;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void printsItsLoopbackEndpointServesSqsAndStopsWhenStandardInputEnds() throws Exception {
        Process server = start();
        URI endpoint = endpointOf(server);
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");

        try (SqsClient sqs = TestClients.sqs(endpoint, "us-east-1", "test", "test")) {
            String url = sqs.createQueue(r -> r.queueName("from-another-process")).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("hello"));
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)).messages();
            assertThat(received).extracting(Message::body).containsExactly("hello");
        }

        server.getOutputStream().close();
        assertThat(server.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS)).as("stopped after stdin ended").isTrue();
        assertThat(server.exitValue()).isZero();
        assertPortIsFree(endpoint.getPort());
    }

    @Test
    void withIgnoreStdinItKeepsRunningUntilTerminated() throws Exception {
        Process server = start("--ignore-stdin");
        URI endpoint = endpointOf(server);
        server.getOutputStream().close();

        try (SqsClient sqs = TestClients.sqs(endpoint, "us-east-1", "test", "test")) {
            assertThat(sqs.listQueues().sdkHttpResponse().isSuccessful()).as("still answering").isTrue();
        }
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        assertPortIsFree(endpoint.getPort());
    }

    @Test
    void bindsThePortItIsGiven() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process server = start("--port", Integer.toString(port), "--region", "eu-west-1");
        assertThat(endpointOf(server)).isEqualTo(URI.create("http://127.0.0.1:" + port));
    }

    @Test
    void aBadCommandLineExitsWithCode2AndSaysWhy() throws Exception {
        Process server = start("--port", "eighty");
        assertThat(server.waitFor(START_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(Files.readString(directory.resolve("stderr.txt"))).contains("--port", "'eighty'", "usage:");
    }

    @Test
    void aBusyPortExitsWithCode1AndSaysWhy() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process server = start("--port", Integer.toString(busy.getLocalPort()));
            assertThat(server.waitFor(START_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isEqualTo(1);
            assertThat(Files.readString(directory.resolve("stderr.txt")))
                    .contains("Cannot start the embedded SNS+SQS endpoint");
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), EmbeddedHakeServer.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(directory.resolve("stderr.txt").toFile())
                .start();
        started.add(process);
        return process;
    }

    /** The first line on stdout, read with a time limit so that a server that never starts fails the test. */
    private URI endpointOf(Process server) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(START_LIMIT_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("first line on stdout; stderr: %s", Files.readString(directory.resolve("stderr.txt")))
                .startsWith(EmbeddedHakeServer.ENDPOINT_LINE_PREFIX);
        return URI.create(line.substring(EmbeddedHakeServer.ENDPOINT_LINE_PREFIX.length()));
    }

    private static void assertPortIsFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }
}
