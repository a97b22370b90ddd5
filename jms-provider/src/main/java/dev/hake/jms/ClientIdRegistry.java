package dev.hake.jms;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client IDs that open connections of this JVM have set with {@code setClientID}. JMS requires
 * an InvalidClientIDException for a client ID already in use; with no broker to ask, hake can only
 * know the connections of its own JVM (more precisely, of this class loader). A client ID preset in
 * the settings is not claimed here: the administrator chose it for every connection of the factory.
 */
final class ClientIdRegistry {

    private static final Set<String> IN_USE = ConcurrentHashMap.newKeySet();

    private ClientIdRegistry() {
    }

    /** Claims {@code clientId}; false if an open connection of this JVM holds it. */
    static boolean claim(String clientId) {
        return IN_USE.add(clientId);
    }

    static void release(String clientId) {
        IN_USE.remove(clientId);
    }
}
