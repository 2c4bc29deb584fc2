package io.gcam.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@b.mo", "first.last+tag@Sub.Example.ORG", "o'neil@example.com"})
    void acceptsValidEmailAddresses(String address) {
        assertThat(Addresses.requireEmail(address)).endsWith(address.substring(address.indexOf('@')).toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.org", "a@", "a@localhost", "a..b@example.org", "a b@example.org",
        "a@exa mple.org", "a@-example.org"})
    void rejectsInvalidEmailAddresses(String address) {
        assertThatThrownBy(() -> Addresses.requireEmail(address))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.INVALID_EMAIL_ADDRESS);
    }

    @Test
    void rejectsLineBreaksInAnAddressAsHeaderInjection() {
        assertThatThrownBy(() -> Addresses.requireEmail("a@example.org\r\nBcc: b@example.org"))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.HEADER_LINE_BREAK);
    }

    @Test
    void normalizesPhoneNumbersToE164() {
        assertThat(Addresses.requireE164("+853 6123-4567")).isEqualTo("+85361234567");
        assertThat(Addresses.requireE164("+44 (20) 7946 0958")).isEqualTo("+442079460958");
    }

    @ParameterizedTest
    @ValueSource(strings = {"61234567", "+0853612345", "+85", "+1234567890123456", "+853 6123 456a"})
    void rejectsNumbersThatAreNotE164(String number) {
        assertThatThrownBy(() -> Addresses.requireE164(number))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.INVALID_PHONE_NUMBER);
    }

    @Test
    void masksAddressesForLogs() {
        assertThat(Addresses.mask("jane@example.org")).isEqualTo("j***@example.org");
        assertThat(Addresses.mask("+85361234567")).isEqualTo("+853******67");
    }

    @Test
    void recipientValidatesItsAddresses() {
        assertThatThrownBy(() -> new Recipient("s1", "not-an-address", null, GcamLocales.ENGLISH, null))
                .isInstanceOf(GcamException.class);
        Recipient r = new Recipient("s1", "x@Example.ORG", "+853 6123 4567", Locale.forLanguageTag("pt-PT"), null);
        assertThat(r.email()).isEqualTo("x@example.org");
        assertThat(r.phone()).isEqualTo("+85361234567");
        assertThat(r.locale()).isEqualTo(GcamLocales.PORTUGUESE);
    }
}
