package dev.hake.faults.proxy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One client connection: its requests, one at a time, each forwarded or faulted. */
final class ProxiedConnection implements Runnable {

    /** A client that keeps an idle connection longer than this is dropped (the SDK reconnects). */
    private static final int CLIENT_IDLE_MILLIS = 120_000;

    private final FaultProxy proxy;
    private final Socket client;
    private final BackendLink link;

    ProxiedConnection(FaultProxy proxy, Socket client) {
        this.proxy = proxy;
        this.client = client;
        this.link = new BackendLink(proxy.backend());
    }

    @Override
    public void run() {
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(CLIENT_IDLE_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            boolean open = true;
            while (open && !proxy.isClosed()) {
                HttpMessage request = HttpIo.readRequest(in, out);
                if (request == null) {
                    return;
                }
                open = handle(request, out);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away, or sent what is not HTTP: this connection ends.
        } finally {
            FaultProxy.closeQuietly(client);
            link.close();
            proxy.ended(this);
        }
    }

    /** Answers one request; false when the connection must end. */
    private boolean handle(HttpMessage request, OutputStream out) throws IOException {
        AwsAction action = AwsAction.of(request);
        FaultKind fault = proxy.decide(action);
        boolean keepAlive = request.keepsConnection();
        if (fault == null) {
            proxy.record(action, FaultCounts.FORWARDED);
            return forward(request, action, out, keepAlive);
        }
        proxy.record(action, fault.name());
        switch (fault) {
            case INTERNAL_ERROR, THROTTLING, UNAVAILABLE -> {
                HttpMessage answer = FaultAnswers.answer(fault, action, request);
                HttpIo.write(out, withConnection(answer, keepAlive));
                return keepAlive;
            }
            case RESET_BEFORE_ANSWER -> {
                reset();
                return false;
            }
            case ANSWER_LOST_AFTER_APPLY -> {
                // The backend applies the request and answers; the answer goes nowhere.
                link.exchange(forwardable(request));
                reset();
                return false;
            }
            case LATENCY -> {
                sleep(proxy.latencyMillis());
                return forward(request, action, out, keepAlive);
            }
            default -> throw new IllegalStateException("not a concrete fault: " + fault);
        }
    }

    private boolean forward(HttpMessage request, AwsAction action, OutputStream out, boolean keepAlive)
            throws IOException {
        HttpMessage response;
        try {
            response = link.exchange(forwardable(request));
        } catch (IOException e) {
            // As a gateway would: the client learns the backend failed, and the count says so.
            proxy.record(action, FaultCounts.BACKEND_FAILURE);
            byte[] body = ("fault proxy: the backend did not answer: " + e).getBytes(StandardCharsets.UTF_8);
            HttpIo.write(out, new HttpMessage("HTTP/1.1 502 Bad Gateway", List.of(
                    new HttpMessage.Header("Content-Type", "text/plain"),
                    new HttpMessage.Header("Content-Length", Integer.toString(body.length)),
                    new HttpMessage.Header("Connection", "close")), body));
            return false;
        }
        int status = response.status();
        boolean bodyAllowed = status >= 200 && status != 204 && status != 304;
        String reason = response.startLine().split(" ", 3).length > 2 ? response.startLine().split(" ", 3)[2] : "";
        HttpMessage toClient = response.reframed(("HTTP/1.1 " + status + " " + reason).trim(), bodyAllowed);
        HttpIo.write(out, withConnection(toClient, keepAlive));
        return keepAlive;
    }

    /** The request as the backend gets it: the same head and body, framed with a Content-Length. */
    private static HttpMessage forwardable(HttpMessage request) {
        boolean hasBody = request.body().length > 0 || request.header("Content-Length") != null
                || request.headerHasToken("Transfer-Encoding", "chunked");
        return request.reframed(request.startLine(), hasBody);
    }

    private static HttpMessage withConnection(HttpMessage m, boolean keepAlive) {
        if (keepAlive) {
            return m;
        }
        List<HttpMessage.Header> headers = new java.util.ArrayList<>(m.headers());
        headers.add(new HttpMessage.Header("Connection", "close"));
        return new HttpMessage(m.startLine(), headers, m.body());
    }

    /** Resets the TCP connection: with SO_LINGER 0, close sends RST instead of FIN. */
    private void reset() {
        try {
            client.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already gone
        }
        FaultProxy.closeQuietly(client);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // the injected latency itself, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Cuts the connection from another thread (the proxy is closing). */
    void close() {
        FaultProxy.closeQuietly(client);
        link.close();
    }
}
