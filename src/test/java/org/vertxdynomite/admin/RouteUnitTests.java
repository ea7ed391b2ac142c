package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteUnitTests {

  private static final Route SET = new Route("/set_consistency/{kind}/{level}", "", p -> Future.succeededFuture());

  @Test
  void aTemplateCapturesOneSegmentPerName() {
    assertThat(SET.match("/set_consistency/read/dc_one")).isEqualTo(Map.of("kind", "read", "level", "dc_one"));
    assertThat(new Route("/peer/down/{name}", "", p -> null).match("/peer/down/127.0.0.1:8101"))
        .isEqualTo(Map.of("name", "127.0.0.1:8101"));
  }

  @Test
  void literalsMustMatchAndEverySegmentMustBeThere() {
    assertThat(SET.match("/set_consistency/read")).isNull();
    assertThat(SET.match("/set_consistency/read/dc_one/more")).isNull();
    assertThat(SET.match("/set_consistency/read/")).as("an empty value").isNull();
    assertThat(SET.match("/get_consistency/read/dc_one")).isNull();
    assertThat(new Route("/info", "", p -> null).match("/info/")).isNull();
    assertThat(new Route("/info", "", p -> null).match("/info")).isEmpty();
  }
}
