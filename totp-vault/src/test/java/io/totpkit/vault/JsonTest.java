package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small JSON reader behind Aegis import (RFC 8259): values, whitespace, escapes, and exact errors. */
class JsonTest {
  @Test
  void parse_everyKindOfValueWithWhitespaceEverywhere() {
    Object value = Json.parse(" \t\r\n{ \"a\" : [ 1 , -2.5e3 , true , false , null , \"s\" ] , \"b\" : { } ,"
        + " \"c\" : [ ] , \"d\":{\"e\":0} } \n");
    assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"),
        true, false, null, "s"), "b", Map.of(), "c", List.of(), "d", Map.of("e", new BigDecimal("0"))));
    assertThat(Json.parse("true")).isEqualTo(Boolean.TRUE);
    assertThat(Json.parse("false")).isEqualTo(Boolean.FALSE);
    assertThat(Json.parse("[null]")).isEqualTo(java.util.Collections.singletonList(null));
    assertThat(Json.parse("[[]]")).isEqualTo(List.of(List.of()));
    assertThat(Json.parse("{\"k\":{}}")).isEqualTo(Map.of("k", Map.of()));
  }

  @Test
  void parse_escapes() {
    assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041\\u00e9\""))
        .isEqualTo("\" \\ / \b \f \n \r \t Aé");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"a\":1}x|unexpected text after the JSON value at character 7",
      "{\"a\":1,\"a\":2}|duplicate member \"a\"",
      "{1:2}|expected a member name at character 1",
      "{\"a\" 1}|expected ':' at character 5",
      "[1 2]|expected ']' at character 3",
      "[1,|unexpected end at character 3",
      "\"abc|unterminated string",
      "\"a\\|unterminated escape",
      "\"\\u12\"|short \\u escape",
      "\"\\u12zz\"|bad \\u escape",
      "\"\\x\"|unknown escape \\x",
      "tru|expected true at character 0",
      "nul|expected null",
      "-|bad number",
      "@|unexpected character '@' at character 0",
  })
  void parse_malformed_namesTheProblemAndWhere(String text, String message) {
    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(VaultImportException.class).hasMessageContaining(message);
  }

  @Test
  void parse_limits() {
    assertThatThrownBy(() -> Json.parse("\"a\u0001\"")).hasMessageContaining("control character");
    assertThat(Json.parse("\"a\u0020\"")).isEqualTo("a ");
    assertThat(Json.parse("1".repeat(64))).isEqualTo(new BigDecimal("1".repeat(64)));
    assertThatThrownBy(() -> Json.parse("1".repeat(65))).hasMessageContaining("number too long");
    String deepest = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    assertThat(Json.parse(deepest)).isInstanceOf(List.class);
    assertThatThrownBy(() -> Json.parse("[" + deepest + "]")).hasMessageContaining("nesting deeper than 64");
  }

  @Test
  void quote_escapesWhatJsonRequires_andParsesBack() {
    String nasty = "q\" b\\ n\n r\r t\t c\u0001 e\u001f s\u0020 é";
    StringBuilder out = new StringBuilder();
    Json.quote(out, nasty);
    assertThat(out.toString()).isEqualTo("\"q\\\" b\\\\ n\\n r\\r t\\t c\\u0001 e\\u001f s  é\"");
    assertThat(Json.parse(out.toString())).isEqualTo(nasty);
    StringBuilder none = new StringBuilder();
    Json.quote(none, null);
    assertThat(none.toString()).isEqualTo("null");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"Evil\u001b[2J", "\u001b]52;c;aGk=\u0007", "\u202eecila",
      "a\u009bb", "a\u007fb", "a\u2028b", "lone \ud800 surrogate", "tag \udb40\udc01 char", "emoji \ud83d\ude00 ok",
      "quote \" and \\ backslash"})
  void quote_controlsAndBidiEscapedAndReadBack(String value) {
    StringBuilder out = new StringBuilder();
    Json.quote(out, value);
    String json = out.toString();
    json.codePoints().forEach(c -> assertThat(io.totpkit.core.UntrustedText.isRendered(c))
        .as("raw U+%04X in %s", c, json).isFalse());
    assertThat(Json.parse(json)).isEqualTo(value);
  }
}
