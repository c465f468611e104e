package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict RFC 4180 reader under every CSV import: quoting, line ends, delimiters, limits, exact error lines. */
class CsvTest {
  private static List<List<String>> cells(Csv table, int columns) {
    List<List<String>> rows = new ArrayList<>();
    for (Csv.Row row : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        cells.add(row.get(i));
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void read_quotedFieldsWithDelimitersQuotesAndLineBreaks_keepsThemInTheField() {
    Csv table = Csv.read("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nplain,,\"\"\r\n");

    assertThat(cells(table, 3)).containsExactly(List.of("x,1", "say \"hi\"", "two\r\nlines"), List.of("plain", "", ""));
  }

  @Test
  void read_rows_areNumberedAsASpreadsheetNumbersThemWhateverTheirLines() {
    Csv table = Csv.read("a,b\n\"one\nrecord\",x\n\nlast,y");

    assertThat(table.rows()).extracting(row -> row.number).containsExactly(2, 3, 4);
    assertThat(table.rows().get(1).isBlank()).isTrue();
    assertThat(table.rows().get(2).get(1)).isEqualTo("y");
  }

  @Test
  void read_lineEnds_crlfLfAndLoneCrAllEndARecord() {
    assertThat(cells(Csv.read("a\r\nx\ny\rz"), 1)).containsExactly(List.of("x"), List.of("y"), List.of("z"));
  }

  @Test
  void read_delimiter_isTheOneTheHeaderLineUses() {
    assertThat(cells(Csv.read("a;b;c\nx,1;y;z\n"), 3)).containsExactly(List.of("x,1", "y", "z"));
    assertThat(cells(Csv.read("a\tb\nx;1\ty\n"), 2)).containsExactly(List.of("x;1", "y"));
    // A semicolon inside a quoted header name does not count.
    assertThat(cells(Csv.read("\"a;b\",c\nx;y,z\n"), 2)).containsExactly(List.of("x;y", "z"));
  }

  @Test
  void read_headerWithoutDelimiter_readsEachLineAsOneField() {
    Csv table = Csv.read("otpauth\notpauth://totp/A,B:c?secret=JBSWY3DPEHPK3PXP\n");

    assertThat(table.rows().get(0).get(0)).isEqualTo("otpauth://totp/A,B:c?secret=JBSWY3DPEHPK3PXP");
  }

  @Test
  void read_shortRowsAndMissingColumns_readAsEmpty() {
    Csv table = Csv.read("a,b,c\nx\n");

    assertThat(table.rows().get(0).get(2)).isEmpty();
    assertThat(table.rows().get(0).get(-1)).isEmpty();
  }

  @Test
  void column_namesCompareWithoutCaseSpacesUnderscoresOrHyphens_leftMostWins() {
    Csv table = Csv.read(" Setup Key ,login_totp,Name,E-Mail,name\n");

    assertThat(table.column("setup key")).isEqualTo(0);
    assertThat(table.column("LOGIN TOTP")).isEqualTo(1);
    assertThat(table.column("email", "name")).isEqualTo(2);
    assertThat(table.column("missing")).isEqualTo(-1);
  }

  @Test
  void read_unterminatedQuote_failsWithTheLineItStartsOn() {
    assertThatThrownBy(() -> Csv.read("a,b\nx,y\n\"open,\nstill open\n"))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("starts on line 3")
        .hasMessageContaining("never closed");
  }

  @Test
  void read_quoteInsideUnquotedField_failsWithItsLine() {
    assertThatThrownBy(() -> Csv.read("a,b\n\"two\nlines\",ok\nx,y\"z\n"))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("line 4");
  }

  @Test
  void read_textAfterClosingQuote_failsWithItsLine() {
    assertThatThrownBy(() -> Csv.read("a,b\n\"x\"y,z\n")).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("after the closing quote").hasMessageContaining("line 2");
  }

  @Test
  void read_overLimits_refused() {
    String wide = "a" + ",a".repeat(Csv.MAX_COLUMNS) + "\n";
    assertThatThrownBy(() -> Csv.read(wide)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("more than " + Csv.MAX_COLUMNS + " fields");
    String longField = "a\n\"" + "x".repeat(Csv.MAX_FIELD_LENGTH + 1) + "\"\n";
    assertThatThrownBy(() -> Csv.read(longField)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("longer than " + Csv.MAX_FIELD_LENGTH);
    String tall = "a\n" + "x\n".repeat(Imports.MAX_ITEMS + 1);
    assertThatThrownBy(() -> Csv.read(tall)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("more than " + Imports.MAX_ITEMS + " rows");
  }

  @Test
  void headAndHeader_neverThrow_andReadOnlyWhatTheyAreAskedFor() {
    assertThat(Csv.header("\"open")).isEmpty();
    assertThat(Csv.header(null)).isEmpty();
    assertThat(Csv.head("a\n\"open", 5)).isNull();
    assertThat(Csv.head("a\nx\ny\nz\n", 2).rows()).hasSize(2);
    assertThat(Csv.header("Issuer;Setup Key\nx;y")).containsExactly("issuer", "setupkey");
  }

  @Test
  void errors_nameLinesNeverFieldText() {
    String secret = "JBSWY3DPEHPK3PXP";
    assertThatThrownBy(() -> Csv.read("a\n" + secret + "\"\n")).isInstanceOf(VaultImportException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
  }
}
