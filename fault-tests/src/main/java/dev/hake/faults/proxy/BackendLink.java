package dev.hake.faults.proxy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The proxy's connection to the backend on behalf of one client connection, kept alive between
 * requests when the backend allows it.
 */
final class BackendLink implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Longer than SQS's longest long poll (20 s). */
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    /**
     * A connection idle longer than this is not reused: the backend may be closing it just then
     * (the JDK server drops idle connections after 30 s), and a request written into a closing
     * connection is lost without telling whether it was applied.
     */
    private static final long MAX_IDLE_NANOS = 4_000_000_000L;

    private final InetSocketAddress address;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private long idleSince;

    BackendLink(InetSocketAddress address) {
        this.address = address;
    }

    /** Sends the request and reads the backend's whole answer. */
    synchronized HttpMessage exchange(HttpMessage request) throws IOException {
        if (socket == null || System.nanoTime() - idleSince > MAX_IDLE_NANOS) {
            reconnect();
        }
        try {
            HttpIo.write(out, request);
            HttpMessage response = HttpIo.readResponse(in, request.method());
            if (response.keepsConnection()) {
                idleSince = System.nanoTime();
            } else {
                closeSocket();
            }
            return response;
        } catch (IOException e) {
            closeSocket();
            throw e;
        }
    }

    private void reconnect() throws IOException {
        closeSocket();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, CONNECT_TIMEOUT_MILLIS);
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            in = new BufferedInputStream(s.getInputStream());
            out = new BufferedOutputStream(s.getOutputStream());
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }

    /** Closes the connection; may be called from another thread to end a read that blocks. */
    @Override
    public void close() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
