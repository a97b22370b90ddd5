package dev.hake.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageFormatRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message properties of a JMSProducer: the name and type rules and the conversion table of
 * message properties (spec 3.5.4). Nothing here is sent, so no endpoint is needed.
 */
class JMSProducerPropertiesTest {

    private static JMSContext context;
    private JMSProducer producer;

    @BeforeAll
    static void openContext() {
        // Connecting only builds clients: nothing is sent to this endpoint.
        context = new HakeConnectionFactory("hake:?endpoint=http://127.0.0.1:9&accessKeyId=unit&secretAccessKey=unit")
                .createContext();
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }

    @BeforeEach
    void newProducer() {
        producer = context.createProducer();
    }

    @Test
    void eachSetterStoresItsTypeAndReturnsTheProducer() {
        assertThat(producer.setProperty("aBoolean", true)).isSameAs(producer);
        producer.setProperty("aByte", (byte) 1).setProperty("aShort", (short) 2).setProperty("anInt", 3)
                .setProperty("aLong", 4L).setProperty("aFloat", 5.5f).setProperty("aDouble", 6.25)
                .setProperty("aString", "seven").setProperty("anObject", (Object) 8L);

        assertThat(producer.getObjectProperty("aBoolean")).isEqualTo(true);
        assertThat(producer.getObjectProperty("aByte")).isEqualTo((byte) 1);
        assertThat(producer.getObjectProperty("aShort")).isEqualTo((short) 2);
        assertThat(producer.getObjectProperty("anInt")).isEqualTo(3);
        assertThat(producer.getObjectProperty("aLong")).isEqualTo(4L);
        assertThat(producer.getObjectProperty("aFloat")).isEqualTo(5.5f);
        assertThat(producer.getObjectProperty("aDouble")).isEqualTo(6.25);
        assertThat(producer.getObjectProperty("aString")).isEqualTo("seven");
        assertThat(producer.getObjectProperty("anObject")).isEqualTo(8L);
        assertThat(producer.getPropertyNames()).containsExactlyInAnyOrder("aBoolean", "aByte", "aShort", "anInt",
                "aLong", "aFloat", "aDouble", "aString", "anObject");
    }

    /** Each stored type, and what reading it as each getter gives: a value, or MessageFormatRuntimeException. */
    static Stream<Arguments> conversions() {
        Object fails = MessageFormatRuntimeException.class;
        Map<Object, List<Object>> table = Map.of(
                // stored value:  boolean, byte, short, int, long, float, double, String
                true, List.of(true, fails, fails, fails, fails, fails, fails, "true"),
                (byte) 7, List.of(fails, (byte) 7, (short) 7, 7, 7L, fails, fails, "7"),
                (short) 300, List.of(fails, fails, (short) 300, 300, 300L, fails, fails, "300"),
                70_000, List.of(fails, fails, fails, 70_000, 70_000L, fails, fails, "70000"),
                5_000_000_000L, List.of(fails, fails, fails, fails, 5_000_000_000L, fails, fails, "5000000000"),
                1.5f, List.of(fails, fails, fails, fails, fails, 1.5f, 1.5d, "1.5"),
                2.25d, List.of(fails, fails, fails, fails, fails, fails, 2.25d, "2.25"),
                "12", List.of(false, (byte) 12, (short) 12, 12, 12L, 12f, 12d, "12"));
        List<Arguments> cells = new ArrayList<>();
        table.forEach((stored, reads) -> {
            for (int i = 0; i < GETTERS.size(); i++) {
                cells.add(Arguments.of(stored.getClass().getSimpleName(), stored, GETTER_NAMES.get(i), reads.get(i)));
            }
        });
        return cells.stream();
    }

    private static final List<String> GETTER_NAMES = List.of(
            "boolean", "byte", "short", "int", "long", "float", "double", "String");

    private static final List<Function<JMSProducer, Object>> GETTERS = List.of(
            p -> p.getBooleanProperty("p"), p -> p.getByteProperty("p"), p -> p.getShortProperty("p"),
            p -> p.getIntProperty("p"), p -> p.getLongProperty("p"), p -> p.getFloatProperty("p"),
            p -> p.getDoubleProperty("p"), p -> p.getStringProperty("p"));

    @ParameterizedTest(name = "{0} read as {2}")
    @MethodSource("conversions")
    void gettersFollowTheConversionTable(String storedType, Object stored, String getter, Object expected) {
        producer.setProperty("p", stored);
        Function<JMSProducer, Object> read = GETTERS.get(GETTER_NAMES.indexOf(getter));
        if (expected == MessageFormatRuntimeException.class) {
            assertThatThrownBy(() -> read.apply(producer)).isInstanceOf(MessageFormatRuntimeException.class);
        } else {
            assertThat(read.apply(producer)).isEqualTo(expected);
        }
    }

    @Test
    void aStringThatIsNotANumberFailsAsJavaParsingDoes() {
        producer.setProperty("p", "twelve");
        assertThatThrownBy(() -> producer.getIntProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThat(producer.getBooleanProperty("p")).isFalse();
    }

    @Test
    void aMissingPropertyReadsAsNullWouldConvert() {
        assertThat(producer.propertyExists("missing")).isFalse();
        assertThat(producer.getObjectProperty("missing")).isNull();
        assertThat(producer.getStringProperty("missing")).isNull();
        assertThat(producer.getBooleanProperty("missing")).isFalse();
        assertThatThrownBy(() -> producer.getIntProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> producer.getDoubleProperty("missing")).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aNullOrEmptyNameIsAnIllegalArgument(String name) {
        assertThatThrownBy(() -> producer.setProperty(name, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty(name, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty(name, (Object) true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(producer.getPropertyNames()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1st", "with space", "a-b", "NULL", "and", "Between"})
    void aNameThatCannotBeUsedInASelectorIsAnIllegalArgument(String name) {
        assertThatThrownBy(() -> producer.setProperty(name, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyPrimitiveWrappersAndStringsAreValues() {
        for (Object invalid : List.of('c', new byte[] {1}, List.of(1), new Object())) {
            assertThatThrownBy(() -> producer.setProperty("p", invalid))
                    .as("a %s", invalid.getClass().getSimpleName())
                    .isInstanceOf(MessageFormatRuntimeException.class)
                    .hasCauseInstanceOf(jakarta.jms.MessageFormatException.class);
        }
        assertThat(producer.propertyExists("p")).isFalse();
    }

    @Test
    void aNullValueRemovesTheProperty() {
        producer.setProperty("p", "x").setProperty("p", (Object) null);
        assertThat(producer.propertyExists("p")).isFalse();
        assertThat(producer.getPropertyNames()).isEmpty();
    }

    @Test
    void settingAgainReplacesTheValueAndItsType() {
        producer.setProperty("p", 1).setProperty("p", "one");
        assertThat(producer.getObjectProperty("p")).isEqualTo("one");
        assertThat(producer.getPropertyNames()).containsExactly("p");
    }

    @Test
    void clearPropertiesRemovesThemAll() {
        producer.setProperty("a", 1).setProperty("b", "two");
        assertThat(producer.clearProperties()).isSameAs(producer);
        assertThat(producer.getPropertyNames()).isEmpty();
        assertThat(producer.propertyExists("a")).isFalse();
    }

    @Test
    void propertyNamesAreAnUnmodifiableViewThatFollowsTheProducer() {
        producer.setProperty("a", 1);
        var names = producer.getPropertyNames();
        producer.setProperty("b", 2);
        assertThat(names).containsExactlyInAnyOrder("a", "b").contains("b");
        producer.clearProperties();
        assertThat(names).isEmpty();
        assertThatThrownBy(() -> names.add("c")).isInstanceOf(UnsupportedOperationException.class);
        producer.setProperty("d", 3);
        assertThatThrownBy(names::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> names.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(producer.propertyExists("d")).isTrue();
    }

    @Test
    void eachProducerHasItsOwnProperties() {
        producer.setProperty("mine", 1);
        assertThat(context.createProducer().getPropertyNames()).isEmpty();
    }

    @Test
    void headersAreStoredAsSet() {
        var replyTo = context.createQueue("replies");
        producer.setJMSType("greeting").setJMSReplyTo(replyTo).setJMSCorrelationID("corr-1");
        assertThat(producer.getJMSType()).isEqualTo("greeting");
        assertThat(producer.getJMSReplyTo()).isEqualTo(replyTo);
        assertThat(producer.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(producer.getJMSCorrelationIDAsBytes()).isEqualTo("corr-1".getBytes());

        byte[] raw = {0, 1, (byte) 0xff};
        producer.setJMSCorrelationIDAsBytes(raw);
        raw[0] = 9;
        assertThat(producer.getJMSCorrelationIDAsBytes()).containsExactly(0, 1, 0xff);
        // The properties are untouched by headers: headers are not properties.
        assertThat(producer.getPropertyNames()).isEmpty();
    }
}
