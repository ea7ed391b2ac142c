package org.vertxdynomite.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SupportPolicyUnitTests {

  private static final String RULES = String.join("\n",
      "# comment",
      "*\tunsupported\tnobody decided",
      "group:string\tsupported",
      "group:connection\tunsupported\tconnections are special",
      "client\tunsupported\tadministration",
      "client|setname\tsupported\tA note.",
      "getex\tunsupported\tnot today",
      "");

  @Test
  void theMostSpecificRuleWins() {
    SupportPolicy p = SupportPolicy.parse(RULES);
    assertThat(p.decide("get", "string")).isEqualTo(new SupportPolicy.Support(true, "", "group:string"));
    assertThat(p.decide("getex", "string").text()).isEqualTo("not today");
    assertThat(p.decide("client|setname", "connection"))
        .isEqualTo(new SupportPolicy.Support(true, "A note.", "client|setname"));
    assertThat(p.decide("client|kill", "connection").text()).isEqualTo("administration");
    assertThat(p.decide("client", "connection").selector()).isEqualTo("client");
    assertThat(p.decide("ping", "connection").text()).isEqualTo("connections are special");
    assertThat(p.decide("geoadd", "geo")).isEqualTo(new SupportPolicy.Support(false, "nobody decided", "*"));
  }

  @Test
  void rejectsMalformedPolicies() {
    assertThatThrownBy(() -> SupportPolicy.parse("get\tsupported\n")).hasMessageContaining("'*' rule");
    assertThatThrownBy(() -> SupportPolicy.parse("*\tunsupported\tx\nget\tmaybe\n"))
        .hasMessageContaining("line 2").hasMessageContaining("supported or unsupported");
    assertThatThrownBy(() -> SupportPolicy.parse("*\tunsupported\tx\nget\tunsupported\n"))
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> SupportPolicy.parse("*\tunsupported\tx\nget supported\n"))
        .hasMessageContaining("separated by tabs");
    assertThatThrownBy(() -> SupportPolicy.parse("*\tunsupported\tx\nget\tsupported\nget\tsupported\n"))
        .hasMessageContaining("second rule for get");
  }
}
