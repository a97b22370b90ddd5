package dev.hake.core.aws;

import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * One Netty event loop group for every hake connection in the JVM. A client given a group does
 * not shut it down when it closes, so closing a connection is immediate instead of waiting out
 * Netty's two-second graceful shutdown, and a thousand connections share a few I/O threads.
 */
final class SharedEventLoop {

    private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private SharedEventLoop() {
    }

    private static final class Holder {
        // Netty's SDK thread factory makes daemon threads, so the group never keeps the JVM alive.
        static final SdkEventLoopGroup GROUP = SdkEventLoopGroup.builder().numberOfThreads(THREADS).build();
    }

    static SdkEventLoopGroup group() {
        return Holder.GROUP;
    }
}
