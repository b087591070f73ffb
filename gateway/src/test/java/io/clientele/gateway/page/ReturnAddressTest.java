package io.clientele.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.gateway.site.SiteProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnAddressTest {

    private final SiteProfile site = new SiteProfile("shop", "Shop", "en",
            List.of("https://www.shop.test", "https://members.shop.test:8443"));

    @Test
    void onlyAPageOnOneOfTheSitesOriginsIsAWayBack() {
        assertThat(ReturnAddress.onSite("https://www.shop.test/members?tab=1", site)).isEqualTo("https://www.shop.test/members?tab=1");
        assertThat(ReturnAddress.onSite("https://members.shop.test:8443/", site)).isEqualTo("https://members.shop.test:8443/");
        assertThat(ReturnAddress.onSite("https://members.shop.test/", site)).isNull();
        assertThat(ReturnAddress.onSite("http://www.shop.test/members", site)).isNull();
        assertThat(ReturnAddress.onSite("https://www.shop.test.evil.test/", site)).isNull();
        assertThat(ReturnAddress.onSite("https://evil.test/?https://www.shop.test", site)).isNull();
        assertThat(ReturnAddress.onSite("//www.shop.test/members", site)).isNull();
        assertThat(ReturnAddress.onSite("javascript:alert(1)", site)).isNull();
        assertThat(ReturnAddress.onSite("https://www.shop.test/#token", site)).isNull();
        assertThat(ReturnAddress.onSite(null, site)).isNull();
    }
}
