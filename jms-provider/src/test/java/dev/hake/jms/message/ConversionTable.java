package dev.hake.jms.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The spec's conversion tables written out cell by cell: the property table (3.5.4) over eight
 * types and the MapMessage/StreamMessage table (3.11.3) over ten. Each cell gives the value written
 * as the row type and what reading it as the column type must return, or {@link #FAILS} for
 * MessageFormatException.
 */
final class ConversionTable {

    /** Marks a cell the spec leaves unmarked: reading must throw MessageFormatException. */
    static final Object FAILS = new Object() {
        @Override
        public String toString() {
            return "MessageFormatException";
        }
    };

    enum Type { BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    private static final List<Type> PROPERTY_TYPES = List.of(
            Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE, Type.STRING);

    private static final List<Type> BODY_TYPES = List.of(Type.values());

    /** The value written for each row; a String row writes a value suited to the column it is read as. */
    private static final Map<Type, Object> WRITTEN = Map.of(
            Type.BOOLEAN, true,
            Type.BYTE, (byte) -8,
            Type.SHORT, (short) 300,
            Type.CHAR, 'c',
            Type.INT, 70_000,
            Type.LONG, 5_000_000_000L,
            Type.FLOAT, 1.5f,
            Type.DOUBLE, 2.25d,
            Type.BYTES, new byte[] {1, 2, 3});

    private static final Map<Type, String> STRING_WRITTEN_FOR = Map.of(
            Type.BOOLEAN, "TRUE",
            Type.BYTE, "-8",
            Type.SHORT, "300",
            Type.CHAR, "c",
            Type.INT, "70000",
            Type.LONG, "5000000000",
            Type.FLOAT, "1.5",
            Type.DOUBLE, "2.25",
            Type.STRING, "hello",
            Type.BYTES, "AQID");

    private ConversionTable() {
    }

    /** Arguments (row, column, written value, expected value or FAILS) for every property cell. */
    static List<Arguments> propertyCells() {
        return cells(PROPERTY_TYPES);
    }

    /** Arguments for every MapMessage/StreamMessage cell. */
    static List<Arguments> bodyCells() {
        return cells(BODY_TYPES);
    }

    private static List<Arguments> cells(List<Type> types) {
        List<Arguments> cells = new ArrayList<>();
        for (Type row : types) {
            for (Type column : types) {
                Object written = row == Type.STRING ? STRING_WRITTEN_FOR.get(column) : WRITTEN.get(row);
                cells.add(Arguments.of(row, column, written, expected(row, column)));
            }
        }
        return cells;
    }

    /** The table itself: what a value of the row type reads as in the column type. */
    private static Object expected(Type row, Type column) {
        return switch (row) {
            case BOOLEAN -> switch (column) {
                case BOOLEAN -> true;
                case STRING -> "true";
                default -> FAILS;
            };
            case BYTE -> switch (column) {
                case BYTE -> (byte) -8;
                case SHORT -> (short) -8;
                case INT -> -8;
                case LONG -> -8L;
                case STRING -> "-8";
                default -> FAILS;
            };
            case SHORT -> switch (column) {
                case SHORT -> (short) 300;
                case INT -> 300;
                case LONG -> 300L;
                case STRING -> "300";
                default -> FAILS;
            };
            case CHAR -> switch (column) {
                case CHAR -> 'c';
                case STRING -> "c";
                default -> FAILS;
            };
            case INT -> switch (column) {
                case INT -> 70_000;
                case LONG -> 70_000L;
                case STRING -> "70000";
                default -> FAILS;
            };
            case LONG -> switch (column) {
                case LONG -> 5_000_000_000L;
                case STRING -> "5000000000";
                default -> FAILS;
            };
            case FLOAT -> switch (column) {
                case FLOAT -> 1.5f;
                case DOUBLE -> 1.5d;
                case STRING -> "1.5";
                default -> FAILS;
            };
            case DOUBLE -> switch (column) {
                case DOUBLE -> 2.25d;
                case STRING -> "2.25";
                default -> FAILS;
            };
            case STRING -> switch (column) {
                case BOOLEAN -> true;
                case BYTE -> (byte) -8;
                case SHORT -> (short) 300;
                case INT -> 70_000;
                case LONG -> 5_000_000_000L;
                case FLOAT -> 1.5f;
                case DOUBLE -> 2.25d;
                case STRING -> "hello";
                case CHAR, BYTES -> FAILS;
            };
            case BYTES -> column == Type.BYTES ? new byte[] {1, 2, 3} : FAILS;
        };
    }
}
