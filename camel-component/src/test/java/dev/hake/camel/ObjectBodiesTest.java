package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectBodiesTest {

    record Untrusted(String value) implements Serializable {
    }

    private static byte[] serialise(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void trustedClassesAndPrimitiveArraysAreRead() throws Exception {
        var trusted = ObjectBodies.trusting(List.of("java.lang", "java.util"));

        assertThat(ObjectBodies.read(serialise(new ArrayList<>(List.of("a", 1))), trusted)).isEqualTo(List.of("a", 1));
        assertThat(ObjectBodies.read(serialise(new int[] {1, 2}), trusted)).isEqualTo(new int[] {1, 2});
    }

    @Test
    void anUntrustedClassIsRefusedBeforeItIsLoaded() throws Exception {
        byte[] body = serialise(new Untrusted("x"));

        assertThatThrownBy(() -> ObjectBodies.read(body, ObjectBodies.trusting(List.of("java.lang"))))
                .hasMessageContaining(Untrusted.class.getName()).hasMessageContaining("trustedPackages");
        assertThat(ObjectBodies.read(body, ObjectBodies.trusting(List.of("*")))).isEqualTo(new Untrusted("x"));
    }

    @Test
    void aProxyIsRefusedWhenOneOfItsInterfacesIsUntrusted() throws Exception {
        // Everything else in the stream is trusted (java.lang.reflect.Proxy, the handler), so only
        // a check of the proxy's interfaces can refuse it.
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Serializable.class, javax.sql.RowSetListener.class}, new SerializableHandler());
        byte[] body = serialise(proxy);

        assertThatThrownBy(() -> ObjectBodies.read(body, ObjectBodies.trusting(List.of("java", "dev.hake.camel"))))
                .hasMessageContaining("javax.sql.RowSetListener").hasMessageContaining("trustedPackages");
    }

    static final class SerializableHandler implements java.lang.reflect.InvocationHandler, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
            return null;
        }
    }
}
