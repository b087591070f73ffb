package io.clientele.platform.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.schemas.Topics;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaFootprintTest {

    @Test
    void aServiceWritesOnlyTheTopicsTheCatalogueGivesIt() {
        KafkaFootprint access = new KafkaFootprint(Topics.ACCESS_SERVICE);

        assertThatCode(() -> access.checkWrite(Topics.ACCESS_EVENTS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.checkWrite(Topics.CUSTOMER_EVENTS))
                .hasMessageContaining("access-service does not write customer.events").hasMessageContaining("customer-service");
        assertThatThrownBy(() -> access.checkWrite("somewhere.else")).hasMessageContaining("no writer");
    }

    @Test
    void aServiceWhoseListenersDifferFromTheCatalogueDoesNotStart() {
        KafkaFootprint access = new KafkaFootprint(Topics.ACCESS_SERVICE);

        assertThatCode(() -> access.checkListeners(Set.of(Topics.CUSTOMER_EVENTS, Topics.GROUP_EVENTS)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> access.checkListeners(Set.of(Topics.CUSTOMER_EVENTS, Topics.GROUP_EVENTS, Topics.SITE_EVENTS)))
                .hasMessageContaining("listens to [customer.events, group.events, site.events]");
        assertThatCode(() -> new KafkaFootprint(Topics.IMPORT_SERVICE).checkListeners(Set.of(Topics.IMPORT_RESULTS,
                Topics.CUSTOMER_EVENTS, Topics.IMPORT_COMMANDS + Topics.DEAD_LETTER_SUFFIX))).doesNotThrowAnyException();
    }

    @Test
    void aLibrarysOwnTestApplicationMayUseTopicsOutsideTheCatalogue() {
        KafkaFootprint test = new KafkaFootprint("platform-test");

        assertThatCode(() -> test.checkWrite("platform-test.sites")).doesNotThrowAnyException();
        assertThatThrownBy(() -> test.checkWrite(Topics.CUSTOMER_EVENTS)).isInstanceOf(IllegalArgumentException.class);
    }
}
