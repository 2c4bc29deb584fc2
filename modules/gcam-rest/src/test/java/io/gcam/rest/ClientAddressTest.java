package io.gcam.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void comparesAddressesInCanonicalForm() {
        assertThat(ClientAddress.canonical("0:0:0:0:0:0:0:1")).isEqualTo(ClientAddress.canonical("::1"));
        assertThat(ClientAddress.canonical("[::1]")).isEqualTo(ClientAddress.canonical("::1"));
        assertThat(ClientAddress.canonical(" 10.0.0.1 ")).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.trustingProxies(List.of("0:0:0:0:0:0:0:1")).trustedProxies())
                .containsExactly(ClientAddress.canonical("::1"));
    }

    @Test
    void neverTakesAHostNameOrAMalformedAddressForAnAddress() {
        assertThat(ClientAddress.canonical("localhost")).isNull();
        assertThat(ClientAddress.canonical("999.1.1.1")).isNull();
        assertThat(ClientAddress.canonical("1:2:zz")).isNull();
        assertThat(ClientAddress.canonical("unknown")).isNull();
        assertThatThrownBy(() -> ClientAddress.trustingProxies(List.of("proxy.example.gov.mo")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trustsNoProxyWhenDirect() {
        assertThat(ClientAddress.direct().trustedProxies()).isEmpty();
    }
}
