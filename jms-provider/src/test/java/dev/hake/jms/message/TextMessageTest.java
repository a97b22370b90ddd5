package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class TextMessageTest {

    @Test
    void holdsTextIncludingNull() throws JMSException {
        HakeTextMessage message = new HakeTextMessage();
        assertThat(message.getText()).isNull();
        message.setText("héllo \uD83D\uDE00");
        assertThat(message.getText()).isEqualTo("héllo \uD83D\uDE00");
        message.setText(null);
        assertThat(message.getText()).isNull();
    }

    @Test
    void receivedBodyIsReadOnlyUntilCleared() throws JMSException {
        HakeMessage received = HakeMessage.fromWire(new HakeTextMessage("in").toWireForSend(), TrustedClasses.defaults());
        HakeTextMessage text = (HakeTextMessage) received;
        assertThatThrownBy(() -> text.setText("out")).isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThat(text.getText()).isEqualTo("in");

        text.clearBody();
        assertThat(text.getText()).isNull();
        text.setText("out");
        assertThat(text.getText()).isEqualTo("out");
    }

    @Test
    void clearBodyKeepsProperties() throws JMSException {
        HakeTextMessage message = new HakeTextMessage("x");
        message.setIntProperty("n", 1);
        message.clearBody();
        assertThat(message.getIntProperty("n")).isEqualTo(1);
    }

    @Test
    void getBodyReturnsTheTextForStringAndItsSupertypes() throws JMSException {
        HakeTextMessage message = new HakeTextMessage("body");
        assertThat(message.getBody(String.class)).isEqualTo("body");
        assertThat(message.getBody(Object.class)).isEqualTo("body");
        assertThat(message.getBody(CharSequence.class)).isEqualTo("body");
        assertThat(message.isBodyAssignableTo(Serializable.class)).isTrue();
        assertThat(message.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Integer.class)).isExactlyInstanceOf(MessageFormatException.class);
    }

    @Test
    void nullTextIsNoBody() throws JMSException {
        HakeTextMessage message = new HakeTextMessage();
        assertThat(message.getBody(Integer.class)).isNull();
        assertThat(message.isBodyAssignableTo(Integer.class)).isTrue();
    }

    @Test
    void plainMessageHasNoBody() throws JMSException {
        HakeMessage message = new HakeMessage();
        assertThat(message.getBody(byte[].class)).isNull();
        assertThat(message.isBodyAssignableTo(Long.class)).isTrue();
    }
}
