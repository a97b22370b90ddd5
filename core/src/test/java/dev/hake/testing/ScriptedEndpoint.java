package dev.hake.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP endpoint that answers each request with the next scripted step: an answer, or a
 * connection reset with no answer (what the SDK sees when an answer is lost). For tests of what
 * hake makes of AWS's answers, retries included, through the real SDK. Requests beyond the script
 * get the last step again.
 */
public final class ScriptedEndpoint implements AutoCloseable {

    /** One request as it arrived: its AWS action (X-Amz-Target's last part) and body. */
    public record Request(String action, String body) {
    }

    /** What to do with a request. */
    public sealed interface Step permits Answer, Reset {
    }

    public record Answer(int status, String body, String queryError) implements Step {
    }

    public record Reset() implements Step {
    }

    public static Step ok(String json) {
        return new Answer(200, json, null);
    }

    /** An error answer in SQS's JSON protocol. */
    public static Step error(int status, String code, String message) {
        return new Answer(status, "{\"__type\":\"com.amazonaws.sqs#" + code + "\",\"message\":\"" + message + "\"}",
                code + ";" + (status >= 500 ? "Receiver" : "Sender"));
    }

    public static Step reset() {
        return new Reset();
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-endpoint");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Step> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private Step last = ok("{}");

    public ScriptedEndpoint(Step... steps) {
        script.addAll(List.of(steps));
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public List<Request> requests() {
        return requests;
    }

    private synchronized Step next() {
        if (!script.isEmpty()) {
            last = script.poll();
        }
        return last;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Step step = next();
                if (step instanceof Reset) {
                    socket.setSoLinger(true, 0);
                    return;
                }
                Answer a = (Answer) step;
                byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 " + a.status() + " X\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + (a.queryError() == null ? "" : "x-amzn-query-error: " + a.queryError() + "\r\n")
                        + "x-amzn-RequestId: test\r\nContent-Length: " + body.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    /** Reads one request (headers, then a Content-Length body); null at the end of the stream. */
    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            headBytes.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String head = headBytes.toString(StandardCharsets.US_ASCII);
        int length = 0;
        String action = "";
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            } else if (name.equals("x-amz-target")) {
                action = value.substring(value.lastIndexOf('.') + 1);
            }
        }
        byte[] body = in.readNBytes(length);
        return new Request(action, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
