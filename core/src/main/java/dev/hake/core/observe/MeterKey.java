package dev.hake.core.observe;

/**
 * A meter's name and the values of its tags, in the order the meter lists them ("" where it has
 * fewer): what tells one of its series from another.
 */
record MeterKey(String name, String first, String second, String third) {

    static MeterKey of(String name, String value) {
        return new MeterKey(name, value, "", "");
    }

    static MeterKey of(String name, MessageTags tags) {
        return new MeterKey(name, tags.destination(), tags.kind(), "");
    }

    static MeterKey of(String name, MessageTags tags, String value) {
        return new MeterKey(name, tags.destination(), tags.kind(), value);
    }
}
