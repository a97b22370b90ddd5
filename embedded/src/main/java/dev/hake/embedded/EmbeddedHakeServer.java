package dev.hake.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded SNS+SQS endpoint as a process of its own, for programs that cannot share a JVM
 * with it (an application server, a build step, another language's tests). It binds 127.0.0.1
 * only, prints one line {@code endpoint=http://127.0.0.1:PORT} on standard output once it answers
 * requests (logs go to standard error), and runs until its standard input ends or it is
 * terminated (SIGTERM, SIGINT).
 *
 * <pre>
 * java -cp ... dev.hake.embedded.EmbeddedHakeServer [--port N] [--region R] [--ignore-stdin]
 * </pre>
 *
 * <p>Stopping when standard input ends is what lets a parent process start it through a pipe and
 * never leave it behind: when the parent exits, for whatever reason, the pipe closes and the
 * server stops. {@code --ignore-stdin} is for a shell that starts it in the background, where
 * standard input is already at its end.
 */
public final class EmbeddedHakeServer {

    /** What the one line on standard output starts with; the endpoint URL follows. */
    public static final String ENDPOINT_LINE_PREFIX = "endpoint=";

    static final String USAGE = "usage: EmbeddedHakeServer [--port N] [--region REGION] [--ignore-stdin]\n"
            + "  --port N        the loopback port to bind; 0 (the default) picks a free one\n"
            + "  --region R      the region in ARNs (default us-east-1)\n"
            + "  --ignore-stdin  keep running when standard input ends; stop only when terminated";

    private EmbeddedHakeServer() {
    }

    /** The command line, checked. */
    record Options(int port, String region, boolean ignoreStdin) {

        /**
         * @throws IllegalArgumentException naming the argument that is wrong
         */
        static Options parse(List<String> args) {
            int port = 0;
            String region = "us-east-1";
            boolean ignoreStdin = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--port" -> port = port(valueOf(args, ++i, arg));
                    case "--region" -> region = valueOf(args, ++i, arg);
                    case "--ignore-stdin" -> ignoreStdin = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            return new Options(port, region, ignoreStdin);
        }

        private static String valueOf(List<String> args, int index, String option) {
            if (index >= args.size() || args.get(index).startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below with the value
            }
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, was '" + value + "'");
        }
    }

    /** Exit codes: 0 after a normal stop, 1 if the endpoint cannot start, 2 for a bad command line. */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("EmbeddedHakeServer: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        EmbeddedHake hake;
        try {
            hake = EmbeddedHake.builder().port(options.port()).region(options.region()).build().start();
        } catch (IllegalStateException e) {
            System.err.println("EmbeddedHakeServer: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and SIGINT run shutdown hooks; close there so the port is free when the process is gone.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hake.close();
            stopped.countDown();
        }, "hake-embedded-server-shutdown"));

        System.out.println(ENDPOINT_LINE_PREFIX + hake.endpoint());
        System.out.flush();
        if (options.ignoreStdin()) {
            // The JVM is shutting down once this returns; calling exit here would block in the hook.
            awaitQuietly(stopped);
            return;
        }
        readUntilEnd(System.in);
        System.err.println("EmbeddedHakeServer: standard input ended; stopping");
        System.exit(0);
    }

    /** Returns when the stream ends or fails; what is written to it means nothing. */
    private static void readUntilEnd(InputStream in) {
        byte[] discard = new byte[256];
        try {
            while (in.read(discard) >= 0) {
                // keep reading: only the end of the stream counts
            }
        } catch (IOException e) {
            // a broken pipe is an end too
        }
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
