package org.vertxdynomite.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HintTargetUnitTests {

  @Test
  void aNodeAndADatacenterKeepTheirKindThroughTheirIdAndTheirDirectoryName() {
    for (HintTarget t : new HintTarget[] {HintTarget.node("dc1/rack 1/127.0.0.1:8101"), HintTarget.datacenter("eu_west"),
        HintTarget.node("dc/räck/[::1]:8101")}) {
      assertThat(HintTarget.parse(t.id())).isEqualTo(t);
      assertThat(HintTarget.fromDirectoryName(t.directoryName())).contains(t);
      assertThat(t.directoryName()).matches("[A-Za-z0-9._-]+");
    }
    assertThat(HintTarget.datacenter("dc2").id()).isEqualTo("dc:dc2");
    assertThat(HintTarget.parse("dc:dc2")).isInstanceOf(HintTarget.Datacenter.class);
  }

  @Test
  void directoryNamesThatNoTargetMakesAreNotTargets() {
    assertThat(HintTarget.fromDirectoryName("lost+found")).isEmpty();
    assertThat(HintTarget.fromDirectoryName("node-a b")).isEmpty();
    assertThat(HintTarget.fromDirectoryName("dc-_4")).isEmpty();
  }

  @Test
  void emptyNamesAndNodeNamesThatLookLikeADatacenterAreRefused() {
    assertThatThrownBy(() -> HintTarget.node("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HintTarget.datacenter("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HintTarget.node("dc:x")).isInstanceOf(IllegalArgumentException.class);
  }
}
