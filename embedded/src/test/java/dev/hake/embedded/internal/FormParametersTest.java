package dev.hake.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    @Test
    void decodesNamesAndValuesAsUtf8() {
        FormParameters parameters = FormParameters.parse("Action=Publish&Message=caf%C3%A9+%26+more%2B&Empty=&Flag");
        assertThat(parameters.get("Action")).hasValue("Publish");
        assertThat(parameters.get("Message")).hasValue("café & more+");
        assertThat(parameters.get("Empty")).hasValue("");
        assertThat(parameters.get("Flag")).hasValue("");
        assertThat(parameters.get("Missing")).isEmpty();
    }

    @Test
    void readsMapsInEntryOrder() {
        FormParameters parameters = FormParameters.parse("Attributes.entry.2.key=B&Attributes.entry.2.value=2"
                + "&Attributes.entry.1.key=A&Attributes.entry.1.value=1&Attributes.entry.10.key=C&Attributes.entry.10.value=3");
        assertThat(parameters.map("Attributes")).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"), Map.entry("C", "3"));
    }

    @Test
    void readsGroupsWithTheirOwnNestedParameters() {
        FormParameters parameters = FormParameters.parse("PublishBatchRequestEntries.member.1.Id=a"
                + "&PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name=n"
                + "&PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue=v"
                + "&PublishBatchRequestEntries.member.2.Id=b");
        List<FormParameters> entries = parameters.groups("PublishBatchRequestEntries.member");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("Id")).hasValue("a");
        assertThat(entries.get(0).groups("MessageAttributes.entry").get(0).get("Value.StringValue")).hasValue("v");
        assertThat(entries.get(1).get("Id")).hasValue("b");
    }

    @Test
    void readsPlainLists() {
        assertThat(FormParameters.parse("TagKeys.member.2=b&TagKeys.member.1=a&TagKeys.member.x=ignored").list("TagKeys.member"))
                .containsExactly("a", "b");
    }

    @Test
    void toStringShowsNamesButNoValues() {
        assertThat(FormParameters.parse("Message=secret").toString()).contains("Message").doesNotContain("secret");
    }
}
